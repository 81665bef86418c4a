using static Chatbot.Knowledge.Ingestion.Chunking.TextBoundaries;

namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>
/// Cuts a block into sentences: after <c>. ? !</c> followed by whitespace, after Chinese and full-width
/// <c>。！？；</c> anywhere, and at line breaks. Closing quotes and brackets stay with their sentence.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>The sentences of <c>text[start..end]</c>, trimmed, with the kind of break before each; the first gets <see cref="BreakStrength.Paragraph"/>.</summary>
    public static IEnumerable<(int Start, int End, BreakStrength Before)> Split(string text, int start, int end)
    {
        var before = BreakStrength.Paragraph;
        var sentenceStart = SkipWhitespace(text, start, end);
        var i = sentenceStart;
        while (i < end)
        {
            var c = text[i];
            int next;
            BreakStrength kind;
            if (c == '\n')
            {
                (next, kind) = (i + 1, BreakStrength.Line);
            }
            else if (IsCjkTerminator(c) || IsLatinTerminator(c))
            {
                next = i + 1;
                var cjk = IsCjkTerminator(c);
                while (next < end && (IsCjkTerminator(text[next]) || IsLatinTerminator(text[next]) || IsCloser(text[next])))
                {
                    cjk |= IsCjkTerminator(text[next]);
                    next++;
                }

                if (!cjk && next < end && !char.IsWhiteSpace(text[next]))
                {
                    // "3.14", "example.com", "a.m.": not a sentence end.
                    i = next;
                    continue;
                }

                kind = BreakStrength.Sentence;
            }
            else
            {
                i++;
                continue;
            }

            var sentenceEnd = TrimEnd(text, sentenceStart, c == '\n' ? i : next);
            if (sentenceEnd > sentenceStart)
            {
                yield return (sentenceStart, sentenceEnd, before);
                before = kind;
            }

            sentenceStart = SkipWhitespace(text, next, end);
            i = sentenceStart;
        }

        var lastEnd = TrimEnd(text, sentenceStart, end);
        if (lastEnd > sentenceStart)
        {
            yield return (sentenceStart, lastEnd, before);
        }
    }
}
