using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Chatbot.Safety.Guards;
using Chatbot.Safety.Injection;
using Chatbot.Safety.Pii;
using Chatbot.Safety.Toxicity;
using Microsoft.Extensions.Options;

namespace Chatbot.Safety.Tests;

/// <summary>A meter factory for tests; its meters are its own, so a listener can tell them from other tests' meters.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly ConcurrentBag<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public bool Owns(Meter meter) => _meters.Contains(meter);

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}

/// <summary>Records the <c>chatbot.guard.detections</c> measurements of one <see cref="TestMeterFactory"/>.</summary>
internal sealed class DetectionRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public DetectionRecorder(TestMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (factory.Owns(instrument.Meter) && instrument.Name == GuardMetrics.DetectionsCounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tagMap = tags.ToArray().ToDictionary(t => t.Key, t => (string?)t.Value);
            Measurements.Enqueue((tagMap["kind"]!, tagMap["action"]!, value));
        });
        _listener.Start();
    }

    public ConcurrentQueue<(string Kind, string Action, long Value)> Measurements { get; } = new();

    public void Dispose() => _listener.Dispose();
}

internal static class SafetyTesting
{
    public static ContentGuard Guard(TestMeterFactory meters, GuardOptions? options = null) => new(
        new PromptInjectionDetector(),
        new PiiDetector(TimeProvider.System),
        new ToxicityScorer(),
        new GuardMetrics(meters),
        new FixedOptions(options ?? new GuardOptions()));

    private sealed class FixedOptions(GuardOptions value) : IOptionsMonitor<GuardOptions>
    {
        public GuardOptions CurrentValue => value;

        public GuardOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<GuardOptions, string?> listener) => null;
    }
}
