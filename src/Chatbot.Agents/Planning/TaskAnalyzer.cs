using System.Text.RegularExpressions;

namespace Chatbot.Agents.Planning;

/// <summary>
/// Splits a task into clauses ("look up our refund policy and compute the refund for a 120 EUR order" → two) and says
/// what each asks for: a URL is fetched, a file path read or listed, "translate … to X" translated, "weather in X" looked
/// up, arithmetic calculated, "compute the X for AMOUNT" computed with a rate from the knowledge bases, a question or
/// look-up searched; anything else is beyond the embedded agent. Deterministic, stateless and thread-safe.
/// </summary>
public static partial class TaskAnalyzer
{
    private static readonly HashSet<string> s_topicNoise = new(StringComparer.OrdinalIgnoreCase)
    {
        "compute", "calculate", "work", "out", "figure", "determine", "how", "much", "is", "the", "a", "an", "for", "of", "on",
        "what", "would", "be", "will", "order", "orders", "amount", "value", "total", "my", "our", "your", "me", "please", "then",
        "and", "to", "with", "at", "in", "get", "give", "tell", "us", "i", "we", "it", "that", "this", "purchase", "price",
    };

    /// <summary>The clauses of <paramref name="task"/> and what each asks for, in order.</summary>
    public static IReadOnlyList<TaskIntent> Analyze(string task) => [.. Clauses(task).Select(Classify)];

    /// <summary>The clauses of <paramref name="task"/>: split at sentence ends, semicolons, "then", and "and" followed by an action verb.</summary>
    public static IReadOnlyList<string> Clauses(string task)
    {
        var clauses = new List<string>();
        foreach (var sentence in SentenceBreak().Split(task))
        {
            foreach (var part in ClauseBreak().Split(sentence))
            {
                var clause = part.Trim().Trim(',', ';', ' ');
                if (clause.Length > 0 && clause.Any(char.IsLetterOrDigit))
                {
                    clauses.Add(clause);
                }
            }
        }

        return clauses;
    }

    /// <summary>What <paramref name="clause"/> asks for.</summary>
    public static TaskIntent Classify(string clause)
    {
        if (Url().Match(clause) is { Success: true } url)
        {
            return new TaskIntent(TaskIntentKind.Fetch, clause, url.Value.TrimEnd('.', ',', ')'));
        }

        if (ListFolder().Match(clause) is { Success: true } folder)
        {
            return new TaskIntent(TaskIntentKind.ListFiles, clause, folder.Groups["path"].Value.TrimEnd('.', ','));
        }

        if (FilePath().Match(clause) is { Success: true } file)
        {
            return new TaskIntent(TaskIntentKind.ReadFile, clause, file.Groups["path"].Value);
        }

        if (Translation().Match(clause) is { Success: true } translate)
        {
            var text = new[] { "q1", "q2", "q3", "bare" }.Select(g => translate.Groups[g]).First(g => g.Success).Value.Trim();
            return new TaskIntent(TaskIntentKind.Translate, clause, text, translate.Groups["lang"].Value);
        }

        if (WeatherPlace().Match(clause) is { Success: true } weather)
        {
            return new TaskIntent(TaskIntentKind.Weather, clause, weather.Groups["place"].Value.Trim());
        }

        if (MathExpressions.Find(clause) is { } expression)
        {
            return new TaskIntent(TaskIntentKind.Calculate, clause, expression);
        }

        if (ComputeVerb().IsMatch(clause) && Quantities.FindAmount(clause) is { } amount)
        {
            var topic = string.Join(' ', Words().Matches(clause).Select(m => m.Value)
                .Where(w => !s_topicNoise.Contains(w) && !w.Any(char.IsDigit) && !string.Equals(w, amount.Unit, StringComparison.OrdinalIgnoreCase)));
            return new TaskIntent(TaskIntentKind.ComputeWithRate, clause, amount.Number, amount.Unit, topic);
        }

        if (LookupVerb().Match(clause) is { Success: true } lookup)
        {
            return new TaskIntent(TaskIntentKind.Lookup, clause, Query(clause[(lookup.Index + lookup.Length)..]));
        }

        return Question().IsMatch(clause) || clause.Any(c => c is >= '\u4e00' and <= '\u9fff')
            ? new TaskIntent(TaskIntentKind.Lookup, clause, Query(clause))
            : new TaskIntent(TaskIntentKind.Unsupported, clause);
    }

    // "our refund policy?" → "refund policy"
    private static string Query(string text)
    {
        var query = LeadingDeterminers().Replace(text.Trim().TrimEnd('?', '.', '!', '？', '。'), "").Trim();
        return query.Length > 0 ? query : text.Trim();
    }

    [GeneratedRegex(@"(?<=[.!?。！？])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@";|,?\s+(?:and\s+)?then\s+|,?\s+and\s+(?=(?:also\s+)?(?:compute|calculate|work out|figure out|determine|find|look|search|check|get|fetch|read|open|list|translate|tell|give|show|convert|summari[sz]e|write|send|add|multiply|divide|subtract|email|create|delete|book|what|how|when|where|who)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\blist\b(?:\s+(?:the\s+)?(?:files|contents|entries))?\s+(?:in|of|under)\s+(?:the\s+)?(?:folder\s+|directory\s+)?[`""']?(?<path>[\w./-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ListFolder();

    [GeneratedRegex(@"(?<![\w/.-])[`""']?(?<path>(?:[\w.-]+/)*[\w-][\w.-]*\.(?:txt|md|markdown|csv|json|log|ya?ml|xml|html?|ini|cfg|conf|tsv))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FilePath();

    [GeneratedRegex(@"\btranslate\s+(?:""(?<q1>[^""]+)""|'(?<q2>[^']+)'|“(?<q3>[^”]+)”|(?<bare>.+?))\s+(?:in)?to\s+(?<lang>[A-Za-z][\w-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Translation();

    [GeneratedRegex(@"\bweather\s+(?:like\s+)?(?:in|for|at)\s+(?<place>[^?.!,;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex WeatherPlace();

    [GeneratedRegex(@"\b(?:compute|calculate|work\s+out|figure\s+out|determine|how\s+much)\b|计算", RegexOptions.IgnoreCase)]
    private static partial Regex ComputeVerb();

    [GeneratedRegex(@"^(?:please\s+)?(?:look\s+up|search\s+(?:for|the\s+knowledge\s+base\s+for)?|find(?:\s+out)?|check|tell\s+me(?:\s+about)?|what\s+(?:is|are|does|do)|explain)\b|查找|查询|搜索", RegexOptions.IgnoreCase)]
    private static partial Regex LookupVerb();

    [GeneratedRegex(@"^(?:what|who|whom|which|when|where|why|how|is|are|does|do|can|could|should|will)\b|\?$", RegexOptions.IgnoreCase)]
    private static partial Regex Question();

    [GeneratedRegex(@"^(?:(?:our|the|my|your|a|an|about|for|up)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingDeterminers();

    [GeneratedRegex(@"[\p{L}\p{N}'-]+")]
    private static partial Regex Words();
}
