using static Chatbot.Knowledge.Ingestion.Chunking.TextBoundaries;

namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>
/// Cuts a sentence with more tokens than a chunk holds into pieces that fit: at a comma or space in the second half
/// of the piece if there is one, else next to a CJK character, else at any space, and only as a last resort (a URL or
/// a run of letters longer than a chunk) inside a word.
/// </summary>
internal static class LongSentenceSplitter
{
    public static IEnumerable<(int Start, int End)> Split(SpanTokenCounter counter, int start, int end, int maxTokens)
    {
        var text = counter.Text;
        var position = start;
        while (position < end)
        {
            if (counter.Count(position, end) <= maxTokens)
            {
                yield return (position, end);
                yield break;
            }

            var fit = Math.Clamp(counter.FitForward(position, end, maxTokens), MinimalEnd(text, position, end), end);
            var pieceEnd = TrimEnd(text, position, PreferredCut(text, position, fit, end));
            while (pieceEnd > MinimalEnd(text, position, end) && counter.Count(position, pieceEnd) > maxTokens)
            {
                // A prefix tokenised away from its context can exceed the fitted count; refit until it holds.
                pieceEnd = Math.Min(pieceEnd - 1, TrimEnd(text, position, counter.FitForward(position, pieceEnd, maxTokens)));
            }

            pieceEnd = Math.Max(pieceEnd, MinimalEnd(text, position, end));

            yield return (position, pieceEnd);
            position = SkipWhitespace(text, pieceEnd, end);
        }
    }

    /// <summary>The end of the smallest possible piece: one character, or one surrogate pair.</summary>
    private static int MinimalEnd(string text, int start, int end) =>
        Math.Min(end, start + (char.IsHighSurrogate(text[start]) ? 2 : 1));

    private static int PreferredCut(string text, int start, int fit, int end)
    {
        if (fit >= end || char.IsWhiteSpace(text[fit]))
        {
            return fit;
        }

        var halfway = start + ((fit - start) / 2);
        for (var k = fit - 1; k > halfway; k--)
        {
            if (char.IsWhiteSpace(text[k]) || IsSoftPause(text[k - 1]))
            {
                return k;
            }
        }

        if (!IsInsideWord(text, fit))
        {
            return char.IsLowSurrogate(text[fit]) ? fit - 1 : fit;
        }

        for (var k = halfway; k > start; k--)
        {
            if (char.IsWhiteSpace(text[k]))
            {
                return k;
            }
        }

        return fit;
    }
}
