using System.Text.RegularExpressions;

namespace Chatbot.Agents.Planning;

/// <summary>
/// Finds the arithmetic in a sentence for the calculator: word operators become symbols ("plus", "times", "divided by",
/// "squared", "percent", "×", "÷"), then the longest run of numbers, operators, parentheses, <c>%</c>, <c>of</c> and
/// function names that has at least one number and one operator (or <c>%</c> or function) is the expression, e.g.
/// "what is 17% of 2,340?" → <c>17% of 2,340</c>. A lone number is not arithmetic. Stateless and thread-safe.
/// </summary>
public static partial class MathExpressions
{
    private static readonly (Regex Pattern, string Symbol)[] s_words =
    [
        (new Regex(@"\bmultiplied\s+by\b", RegexOptions.IgnoreCase), "*"),
        (new Regex(@"\btimes\b", RegexOptions.IgnoreCase), "*"),
        (new Regex(@"\bdivided\s+by\b", RegexOptions.IgnoreCase), "/"),
        (new Regex(@"\bplus\b", RegexOptions.IgnoreCase), "+"),
        (new Regex(@"\bminus\b", RegexOptions.IgnoreCase), "-"),
        (new Regex(@"\bto\s+the\s+power\s+of\b", RegexOptions.IgnoreCase), "^"),
        (new Regex(@"\bsquared\b", RegexOptions.IgnoreCase), "^2"),
        (new Regex(@"\bcubed\b", RegexOptions.IgnoreCase), "^3"),
        (new Regex(@"\s*\bper\s*cent\b|\s*\bpercent\b", RegexOptions.IgnoreCase), "%"),
        (new Regex(@"(?<=\d)\s*[x×]\s*(?=\d)"), " * "),
        (new Regex("÷"), "/"),
    ];

    /// <summary>The arithmetic expression in <paramref name="text"/>, or null when it has none.</summary>
    public static string? Find(string text)
    {
        var normalized = text;
        foreach (var (pattern, symbol) in s_words)
        {
            normalized = pattern.Replace(normalized, symbol);
        }

        string? best = null;
        foreach (Match run in Run().Matches(normalized))
        {
            var candidate = Trim(run.Value);
            if (candidate.Any(char.IsAsciiDigit) && HasOperation(candidate) && (best is null || candidate.Length > best.Length))
            {
                best = candidate;
            }
        }

        return best;
    }

    // An operator between operands (a leading minus alone is a negative number), a percent sign, or a function.
    private static bool HasOperation(string candidate) =>
        candidate.Contains('%', StringComparison.Ordinal) || Function().IsMatch(candidate) || BinaryOperator().IsMatch(candidate);

    private static string Trim(string value)
    {
        var trimmed = value.Trim().TrimEnd(',', ' ');
        while (true)
        {
            var before = trimmed;
            trimmed = TrailingNoise().Replace(trimmed, "").Trim();
            trimmed = LeadingNoise().Replace(trimmed, "").Trim();
            if (trimmed.Count(c => c == '(') < trimmed.Count(c => c == ')') && trimmed.EndsWith(')'))
            {
                trimmed = trimmed[..^1].Trim();
            }

            if (trimmed == before)
            {
                return trimmed;
            }
        }
    }

    [GeneratedRegex(@"(?:\s*(?:\d[\d,]*(?:\.\d+)?|\.\d+|[-+*/^()%]|\bof\b|\b(?:sqrt|abs|round|min|max|ln|log|exp|sin|cos)\b))+", RegexOptions.IgnoreCase)]
    private static partial Regex Run();

    [GeneratedRegex(@"\b(?:sqrt|abs|round|min|max|ln|log|exp|sin|cos)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Function();

    [GeneratedRegex(@"[\d)%]\s*[-+*/^]\s*[\d(.]|[\d)]\s*\^")]
    private static partial Regex BinaryOperator();

    [GeneratedRegex(@"(?:[-+*/^(]|\bof)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingNoise();

    [GeneratedRegex(@"^(?:[*/^)%]|of\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNoise();
}
