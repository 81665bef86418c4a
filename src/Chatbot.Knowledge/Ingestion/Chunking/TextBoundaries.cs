namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>Character classes that decide where text may be broken: sentence ends, soft pauses, word edges.</summary>
internal static class TextBoundaries
{
    /// <summary>English sentence ends; they end a sentence only when whitespace (or the end) follows.</summary>
    public static bool IsLatinTerminator(char c) => c is '.' or '?' or '!' or '…';

    /// <summary>Chinese and full-width sentence ends (。！？；); they end a sentence wherever they stand.</summary>
    public static bool IsCjkTerminator(char c) => c is '。' or '！' or '？' or '；' or '｡' or '．';

    /// <summary>Closing quotes and brackets that belong to the sentence before them.</summary>
    public static bool IsCloser(char c) =>
        c is '"' or '\'' or ')' or ']' or '}' or '”' or '’' or '」' or '』' or '）' or '》' or '〉' or '】' or '〕' or '］';

    /// <summary>Pauses inside a sentence (commas, colons) where a too-long sentence is best cut.</summary>
    public static bool IsSoftPause(char c) => c is ',' or ';' or ':' or '，' or '、' or '：' or '—';

    /// <summary>
    /// Whether <paramref name="c"/> is written without spaces between words (Chinese, Japanese, Korean syllables,
    /// their punctuation and full-width forms), so a break next to it never splits a space-delimited word.
    /// </summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF')
            || char.IsSurrogate(c);

    /// <summary>Whether a break at <paramref name="index"/> would fall inside a space-delimited word.</summary>
    public static bool IsInsideWord(string text, int index) =>
        index > 0 && index < text.Length
        && char.IsLetterOrDigit(text[index - 1]) && char.IsLetterOrDigit(text[index])
        && !IsCjk(text[index - 1]) && !IsCjk(text[index]);

    /// <summary>The first non-whitespace index at or after <paramref name="index"/>, at most <paramref name="end"/>.</summary>
    public static int SkipWhitespace(string text, int index, int end)
    {
        while (index < end && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>The index just after the last non-whitespace character before <paramref name="end"/>, at least <paramref name="start"/>.</summary>
    public static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
