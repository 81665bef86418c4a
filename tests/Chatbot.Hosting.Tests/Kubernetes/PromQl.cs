using System.Text.RegularExpressions;

namespace Chatbot.Hosting.Tests.Kubernetes;

/// <summary>The metric names a PromQL expression reads (Grafana variables such as <c>$__range</c> allowed).</summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right", "inf", "nan",
    };

    /// <summary>Distinct metric names in <paramref name="expression"/>.</summary>
    public static IReadOnlySet<string> MetricNames(string expression)
    {
        // Strip what can hold identifiers that are not metrics: strings, label matchers, ranges, grouping labels, variables.
        var stripped = Strings().Replace(expression, "");
        stripped = Matchers().Replace(stripped, "");
        stripped = Ranges().Replace(stripped, "");
        stripped = Grouping().Replace(stripped, "");
        stripped = Variables().Replace(stripped, "");
        return Identifiers().Matches(stripped).Select(m => m.Value).Where(n => !Keywords.Contains(n)).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Ranges();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\$\{[^}]*\}|\$\w+")]
    private static partial Regex Variables();

    // A name not preceded by a word character or a dot (so 1e6 and 0.95 are not names) and not called as a function.
    [GeneratedRegex(@"(?<![\w.])(?>[a-zA-Z_:][a-zA-Z0-9_:]*)(?!\s*\()")]
    private static partial Regex Identifiers();
}
