namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>
/// Turns text into index terms. The same analyzer must be used to index chunks and to analyze queries.
/// Implementations are thread-safe: one instance can serve concurrent calls.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>A short stable name (for example <c>bigram</c>), recorded with an index so a mismatch can be detected.</summary>
    string Name { get; }

    /// <summary>Returns the terms of <paramref name="text"/> in text order, duplicates kept.</summary>
    IReadOnlyList<string> Analyze(string text);
}
