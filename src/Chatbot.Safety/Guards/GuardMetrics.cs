using System.Diagnostics.Metrics;

namespace Chatbot.Safety.Guards;

/// <summary>
/// Counts detections on the <c>Chatbot.Safety</c> meter: counter <c>chatbot.guard.detections</c>, tagged with the
/// finding's <c>kind</c> and the <c>action</c> its category's policy applied. Thread-safe.
/// </summary>
public sealed class GuardMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "Chatbot.Safety";

    /// <summary>Counter name.</summary>
    public const string DetectionsCounterName = "chatbot.guard.detections";

    private readonly Counter<long> _detections;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public GuardMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _detections = meter.CreateCounter<long>(DetectionsCounterName, unit: "{detection}", description: "Detections by the safety guards.");
    }

    /// <summary>Counts <paramref name="finding"/>, handled with <paramref name="action"/>.</summary>
    public void Record(GuardFinding finding, GuardAction action) =>
        _detections.Add(1, new KeyValuePair<string, object?>("kind", finding.Kind), new KeyValuePair<string, object?>("action", ActionTag(action)));

    private static string ActionTag(GuardAction action) => action switch
    {
        GuardAction.Block => "block",
        GuardAction.Sanitize => "sanitize",
        GuardAction.Flag => "flag",
        _ => "allow",
    };
}
