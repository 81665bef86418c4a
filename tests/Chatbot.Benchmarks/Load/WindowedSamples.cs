using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// Samples (milliseconds) kept with the start of the request they belong to, so that only requests started inside a
/// measured window count, as <see cref="LoadGenerator"/> does for its own figures: figures a <see cref="TurnSample"/>
/// has no room for (the gaps between tokens, the time to a turn's first audio). Thread-safe.
/// </summary>
public class WindowedSamples
{
    private readonly ConcurrentQueue<(long Started, IReadOnlyList<double> Samples)> _requests = new();

    /// <summary>Records the samples of a request started at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Add(long started, IReadOnlyList<double> samples) => _requests.Enqueue((started, samples));

    /// <summary>Records one sample of a request started at <paramref name="started"/>.</summary>
    public void Add(long started, double sample) => Add(started, [sample]);

    /// <summary>Percentiles of the samples of requests started inside <paramref name="result"/>'s window.</summary>
    public Percentiles In(LoadResult result)
    {
        var end = result.WindowStart + (long)(result.WindowSeconds * Stopwatch.Frequency);
        return Percentiles.Of([.. _requests.Where(r => r.Started >= result.WindowStart && r.Started < end).SelectMany(r => r.Samples)]);
    }

    /// <summary>Forgets everything recorded so far (between phases).</summary>
    public void Clear() => _requests.Clear();
}
