namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>Kind of a run of characters that yields terms.</summary>
internal enum RunKind
{
    /// <summary>Letters and digits of alphabetic scripts (Latin, Cyrillic, ...), plus digits.</summary>
    Word,

    /// <summary>Chinese, Japanese or Korean characters.</summary>
    Cjk,
}

/// <summary>Splits text into word runs and CJK runs; everything else (spaces, punctuation, symbols) separates runs.</summary>
internal static class ScriptRuns
{
    public static IEnumerable<(RunKind Kind, string Text)> Split(string text)
    {
        var start = -1;
        var kind = RunKind.Word;
        for (var i = 0; i <= text.Length; i++)
        {
            RunKind? current = i == text.Length ? null : Classify(text[i]);
            if (start >= 0 && current != kind)
            {
                yield return (kind, text[start..i]);
                start = -1;
            }

            if (start < 0 && current is { } k)
            {
                start = i;
                kind = k;
            }
        }
    }

    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF'   // CJK unified ideographs
        or >= '\u3400' and <= '\u4DBF'     // extension A
        or >= '\uF900' and <= '\uFAFF'     // compatibility ideographs
        or >= '\u3040' and <= '\u30FF'     // hiragana, katakana
        or >= '\uAC00' and <= '\uD7AF'     // hangul syllables
        or '\u3007';                       // 〇

    private static RunKind? Classify(char c)
    {
        if (IsCjk(c))
        {
            return RunKind.Cjk;
        }

        return char.IsLetterOrDigit(c) ? RunKind.Word : null;
    }
}
