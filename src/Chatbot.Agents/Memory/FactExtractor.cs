using System.Text.RegularExpressions;

namespace Chatbot.Agents.Memory;

/// <summary>
/// Finds the facts a user states about themselves or asks to be remembered, in English and Chinese: "remember that …",
/// "my … is …", "I am / I'm / I work / I live / I prefer / I use …", "call me …", "记住…", "我是…", "我叫…", "我的…是…",
/// "我住在…", "我喜欢…". Questions are not facts. Facts keep the user's words (first person), trimmed to
/// <see cref="MaxFactChars"/>. Stateless and thread-safe.
/// </summary>
public static partial class FactExtractor
{
    /// <summary>Longest fact kept, in characters.</summary>
    public const int MaxFactChars = 300;

    /// <summary>The facts stated in <paramref name="text"/>, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Extract(string text)
    {
        var facts = new List<string>();
        foreach (Match sentence in Sentences().Matches(text))
        {
            var value = sentence.Value.Trim();
            if (value.Length < 4 || value.EndsWith('?') || value.EndsWith('？'))
            {
                continue;
            }

            string? fact = null;
            if (RememberEnglish().Match(value) is { Success: true } remember)
            {
                fact = remember.Groups["fact"].Value;
            }
            else if (RememberChinese().Match(value) is { Success: true } remember2)
            {
                fact = remember2.Groups["fact"].Value;
            }
            else if (StatementEnglish().IsMatch(value) || StatementChinese().IsMatch(value))
            {
                fact = value;
            }

            fact = fact?.Trim().TrimEnd('.', '!', '。', '！', ';', '；').Trim();
            if (fact is { Length: >= 4 } && !facts.Contains(fact, StringComparer.OrdinalIgnoreCase))
            {
                facts.Add(fact.Length <= MaxFactChars ? fact : fact[..MaxFactChars]);
            }
        }

        return facts;
    }

    [GeneratedRegex(@"[^.!?。！？\n]+[.!?。！？]?")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"^(?:please\s+)?(?:remember|note|keep in mind)\s+(?:that\s+)?(?<fact>.{3,})$", RegexOptions.IgnoreCase)]
    private static partial Regex RememberEnglish();

    [GeneratedRegex(@"^(?:请)?(?:记住|记一下)[:：,，]?(?<fact>.{2,})$")]
    private static partial Regex RememberChinese();

    [GeneratedRegex(@"^(?:(?:and|also|btw|by the way),?\s+)?(?:my\s+\w+(?:\s+\w+)?\s+(?:is|are|was)\s+|i\s+am\s+|i'm\s+|i\s+(?:work|live|prefer|like|use|need|speak|own|have)\b|call\s+me\s+|our\s+(?:company|team|office)\s+(?:is|uses|has)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StatementEnglish();

    [GeneratedRegex(@"^(?:我是|我叫|我的.{1,10}是|我住在|我在.{1,10}工作|我喜欢|我偏好|我们公司)")]
    private static partial Regex StatementChinese();
}
