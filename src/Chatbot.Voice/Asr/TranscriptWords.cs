using System.Text;

namespace Chatbot.Voice.Asr;

/// <summary>
/// The words of a transcript or corpus sentence as recognizers and <see cref="WordErrorRate"/> compare them: lower
/// case, punctuation gone (apostrophes inside words kept: <c>what's</c>), and each Chinese/Japanese character a word of
/// its own (so the error rate of CJK text is a character error rate). Stateless and thread-safe.
/// </summary>
public static class TranscriptWords
{
    /// <summary>The normalized words of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                Flush(word, words);
                words.Add(c.ToString());
            }
            else if (char.IsLetterOrDigit(c) || (c is '\'' or '’' && word.Length > 0))
            {
                word.Append(c == '’' ? '\'' : char.ToLowerInvariant(c));
            }
            else
            {
                Flush(word, words);
            }
        }

        Flush(word, words);
        return words;
    }

    /// <summary>The normalized words joined by single spaces.</summary>
    public static string Normalize(string? text) => string.Join(' ', Split(text));

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static void Flush(StringBuilder word, List<string> words)
    {
        var text = word.ToString().TrimEnd('\'');
        if (text.Length > 0)
        {
            words.Add(text);
        }

        word.Clear();
    }
}
