namespace Chatbot.AI.Chat;

/// <summary>
/// Cheap token estimate for providers that report no usage: one token per word of Latin script and one per CJK
/// character, which is how BPE tokenizers treat most CJK text.
/// </summary>
public static class TokenEstimator
{
    /// <summary>Estimated number of tokens in <paramref name="text"/>.</summary>
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var tokens = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                tokens++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    tokens++;
                    inWord = true;
                }
            }
            else
            {
                inWord = false;
                if (!char.IsWhiteSpace(c))
                {
                    tokens++;
                }
            }
        }

        return tokens;
    }

    /// <summary>True for CJK ideographs, kana and full-width punctuation.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u30FF' or >= '\uFF00' and <= '\uFFEF';
}
