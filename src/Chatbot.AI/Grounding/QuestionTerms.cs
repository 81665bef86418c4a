using System.Text;
using Chatbot.AI.Chat;

namespace Chatbot.AI.Grounding;

/// <summary>
/// The content-bearing terms of a text for matching a question to sentences: lower-cased words without stop words,
/// lightly stemmed (plural and -ed/-ing endings), and CJK character bigrams that contain no function character.
/// </summary>
internal static class QuestionTerms
{
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "of", "to", "in", "on", "for", "and", "or", "what",
        "which", "who", "whom", "when", "where", "how", "why", "do", "does", "did", "our", "your", "my", "we", "you", "i",
        "it", "its", "this", "that", "these", "those", "with", "by", "at", "as", "from", "about", "can", "could", "tell",
        "me", "us", "please", "there", "their", "they", "them", "will", "would", "should", "has", "have", "had", "any",
        "much", "many",
    };

    // Function characters: a bigram containing one carries little meaning of its own.
    private const string ChineseFunctionCharacters = "的是了吗呢吧啊在有和与或及我你他她它们这那哪什么怎如何多少几个吗请问为";

    public static HashSet<string> Of(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        char? previousCjk = null;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (TokenEstimator.IsCjk(c) && char.IsLetter(c))
            {
                Flush(word, terms);
                if (previousCjk is { } p && !IsFunction(p) && !IsFunction(c))
                {
                    terms.Add(string.Concat(p, c));
                }

                previousCjk = c;
            }
            else
            {
                previousCjk = null;
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(c);
                }
                else
                {
                    Flush(word, terms);
                }
            }
        }

        Flush(word, terms);
        return terms;
    }

    private static bool IsFunction(char c) => ChineseFunctionCharacters.Contains(c, StringComparison.Ordinal);

    private static void Flush(StringBuilder word, HashSet<string> terms)
    {
        if (word.Length == 0)
        {
            return;
        }

        var w = word.ToString();
        word.Clear();
        if (!s_stopWords.Contains(w))
        {
            terms.Add(Stem(w));
        }
    }

    private static string Stem(string w) =>
        w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal) ? w[..^3]
        : w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) ? w[..^2]
        : w.Length > 4 && w.EndsWith("es", StringComparison.Ordinal) ? w[..^2]
        : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1]
        : w;
}
