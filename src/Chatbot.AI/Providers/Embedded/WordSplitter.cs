using Chatbot.AI.Chat;

namespace Chatbot.AI.Providers.Embedded;

/// <summary>Splits an answer into the pieces the embedded provider streams: a word with its trailing space, or one CJK character.</summary>
internal static class WordSplitter
{
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var cjk = TokenEstimator.IsCjk(c) && !char.IsPunctuation(c);
            var nextIsBoundary = i + 1 == text.Length
                || cjk && !IsTrailingPunctuation(text[i + 1])
                || char.IsWhiteSpace(c) && !char.IsWhiteSpace(text[i + 1])
                || TokenEstimator.IsCjk(text[i + 1]) && !char.IsPunctuation(text[i + 1]);
            if (nextIsBoundary)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
    }

    private static bool IsTrailingPunctuation(char c) => char.IsPunctuation(c) || char.IsWhiteSpace(c);
}
