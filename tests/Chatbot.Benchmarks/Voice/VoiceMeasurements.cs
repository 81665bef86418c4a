using System.Diagnostics.Metrics;
using Chatbot.Benchmarks.Load;
using Chatbot.Voice.Sessions;

namespace Chatbot.Benchmarks.Voice;

/// <summary>
/// Collects the voice sessions' own latency histograms (<see cref="VoiceMetrics"/>) while it is listening: the same
/// figures the platform exports, so the benchmark measures what production measures. Thread-safe.
/// </summary>
internal sealed class VoiceMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _sync = new();
    private readonly Dictionary<string, List<double>> _samples = [];

    public VoiceMeasurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == VoiceMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_sync)
            {
                if (!_samples.TryGetValue(instrument.Name, out var list))
                {
                    _samples[instrument.Name] = list = [];
                }

                list.Add(value);
            }
        });
        _listener.Start();
    }

    /// <summary>Forgets what was collected (between levels, and after a warm-up).</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _samples.Clear();
        }
    }

    /// <summary>Percentiles of histogram <paramref name="name"/> (one of <see cref="VoiceMetrics"/>' names) since the last reset.</summary>
    public Percentiles Of(string name)
    {
        lock (_sync)
        {
            return _samples.TryGetValue(name, out var list) ? Percentiles.Of([.. list]) : Percentiles.Empty;
        }
    }

    public void Dispose() => _listener.Dispose();
}
