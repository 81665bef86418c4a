using System.Collections.Frozen;

namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>The classic Lucene English stop word list (33 words). Immutable.</summary>
internal static class EnglishStopWords
{
    public static readonly FrozenSet<string> Set = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
        "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
        "will", "with",
    }.ToFrozenSet(StringComparer.Ordinal);
}
