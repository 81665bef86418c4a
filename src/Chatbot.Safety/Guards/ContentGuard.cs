using Chatbot.Safety.Injection;
using Chatbot.Safety.Pii;
using Chatbot.Safety.Toxicity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.Safety.Guards;

/// <summary>
/// The guards in one call: runs the detectors a direction needs, applies the tenant's <see cref="GuardPolicy"/>,
/// counts every detection (<see cref="GuardMetrics"/>) and returns a <see cref="GuardVerdict"/>. Logs carry kinds
/// and scores, never the inspected text. Thread-safe.
/// </summary>
public sealed partial class ContentGuard
{
    private const string RemovedMarker = "[removed]";

    private readonly PromptInjectionDetector _injection;
    private readonly PiiDetector _pii;
    private readonly ToxicityScorer _toxicity;
    private readonly GuardMetrics _metrics;
    private readonly IOptionsMonitor<GuardOptions> _options;
    private readonly ILogger _logger;

    /// <summary>Creates the guard.</summary>
    public ContentGuard(
        PromptInjectionDetector injection, PiiDetector pii, ToxicityScorer toxicity, GuardMetrics metrics,
        IOptionsMonitor<GuardOptions> options, ILogger<ContentGuard>? logger = null)
    {
        _injection = injection;
        _pii = pii;
        _toxicity = toxicity;
        _metrics = metrics;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Inspects <paramref name="text"/> under <paramref name="tenantId"/>'s policy.</summary>
    public GuardVerdict Inspect(string tenantId, string text, GuardDirection direction)
    {
        var verdict = Inspect(text, _options.CurrentValue.For(tenantId), direction);
        if (verdict.Action is GuardAction.Block or GuardAction.Flag)
        {
            LogVerdict(_logger, tenantId, direction, verdict.Action, verdict.Reason);
        }

        return verdict;
    }

    /// <summary>Inspects <paramref name="text"/> under an explicit <paramref name="policy"/>.</summary>
    public GuardVerdict Inspect(string text, GuardPolicy policy, GuardDirection direction)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counted = new List<(GuardFinding Finding, GuardAction Action)>();
        var reasons = new List<string>();

        // 1. Injection: user input and retrieved passages.
        if (direction != GuardDirection.Output)
        {
            var scan = _injection.Scan(text);
            var action = direction == GuardDirection.Input ? policy.Injection : policy.RetrievedInjection;
            if (scan.Score >= policy.InjectionThreshold && action != GuardAction.Allow)
            {
                counted.AddRange(scan.Findings.Select(f => (f, action)));
                reasons.Add($"{Describe(scan.Findings[0].Kind)} (score {scan.Score:0.00})");
            }
        }

        // 2. Personal data: input and output.
        if (direction != GuardDirection.Retrieved)
        {
            var action = direction == GuardDirection.Input ? policy.Pii : policy.OutputPii;
            var found = _pii.Detect(text).Where(f => policy.PiiKinds.Count == 0 || policy.PiiKinds.Contains(f.Kind, StringComparer.Ordinal)).ToList();
            if (found.Count > 0 && action != GuardAction.Allow)
            {
                counted.AddRange(found.Select(f => (f, action)));
                reasons.Add($"personal data ({string.Join(", ", found.Select(f => f.Kind).Distinct())})");
            }

            // 3. Toxicity: input and output.
            var (score, toxic) = _toxicity.Score(text);
            if (score >= policy.ToxicityThreshold && policy.Toxicity != GuardAction.Allow)
            {
                counted.AddRange(toxic.Select(f => (f, policy.Toxicity)));
                reasons.Add($"toxic language (score {score:0.00})");
            }
        }

        foreach (var (finding, action) in counted)
        {
            _metrics.Record(finding, action);
        }

        var overall = counted.Count == 0 ? GuardAction.Allow : counted.Max(c => c.Action);
        var output = overall == GuardAction.Sanitize
            ? PiiRedactor.Redact(text, counted.Where(c => c.Action == GuardAction.Sanitize).Select(c => c.Finding), Replacement)
            : text;
        return new GuardVerdict(overall, [.. counted.Select(c => c.Finding).OrderBy(f => f.Span.Start)], output, string.Join("; ", reasons));
    }

    private static string Replacement(GuardFinding finding) => finding.Category switch
    {
        GuardCategory.Pii => PiiRedactor.Placeholder(finding.Kind),
        GuardCategory.Toxicity => new string('*', finding.Span.Length),
        _ => RemovedMarker,
    };

    private static string Describe(string kind) => kind switch
    {
        GuardKinds.Jailbreak => "jailbreak attempt",
        GuardKinds.PromptLeak => "attempt to reveal the system prompt",
        GuardKinds.DelimiterInjection => "delimiter injection",
        _ => "prompt injection",
    };

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Guard verdict {Action} for tenant {TenantId} on {Direction}: {Reason}")]
    private static partial void LogVerdict(ILogger logger, string tenantId, GuardDirection direction, GuardAction action, string reason);
}
