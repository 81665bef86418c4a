using System.Collections.Frozen;
using Chatbot.Knowledge.Ingestion.Chunking;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Sentences for extraction: the chunker's <see cref="SentenceSplitter"/>, but a sentence ending in a title or
/// corporate abbreviation (<c>Dr.</c>, <c>Inc.</c>) continues into the next, so <c>Dr. Jane Roe</c> stays whole.
/// </summary>
internal static class ExtractionSentences
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Sen.", "Gov.", "Capt.", "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.",
        "vs.", "e.g.", "i.e.", "No.", "Mt.", "U.S.", "U.K.",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static IEnumerable<(int Start, int End)> Split(string text)
    {
        int? pendingStart = null;
        foreach (var (start, end, _) in SentenceSplitter.Split(text, 0, text.Length))
        {
            var sentenceStart = pendingStart ?? start;
            var lastSpace = text.LastIndexOf(' ', end - 1, end - start);
            var lastWord = text[(lastSpace < 0 ? start : lastSpace + 1)..end];
            if (Abbreviations.Contains(lastWord) && end < text.Length && text[end] != '\n')
            {
                pendingStart = sentenceStart;
                continue;
            }

            pendingStart = null;
            yield return (sentenceStart, end);
        }

        if (pendingStart is { } last)
        {
            yield return (last, text.TrimEnd().Length);
        }
    }
}
