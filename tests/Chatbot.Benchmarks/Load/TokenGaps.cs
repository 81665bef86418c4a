using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// Times between consecutive items (tokens) of each successful request, kept with the request's start so that only
/// requests started inside a measured window count (as <see cref="LoadGenerator"/> does for the other figures).
/// Thread-safe.
/// </summary>
public sealed class TokenGaps
{
    private readonly ConcurrentQueue<(long Started, List<double> Gaps)> _turns = new();

    /// <summary>Records the gaps, in milliseconds, of a request started at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Add(long started, List<double> gaps) => _turns.Enqueue((started, gaps));

    /// <summary>Percentiles of the gaps of requests started inside <paramref name="result"/>'s window.</summary>
    public Percentiles In(LoadResult result)
    {
        var end = result.WindowStart + (long)(result.WindowSeconds * Stopwatch.Frequency);
        return Percentiles.Of([.. _turns.Where(t => t.Started >= result.WindowStart && t.Started < end).SelectMany(t => t.Gaps)]);
    }

    /// <summary>Forgets everything recorded so far (between phases).</summary>
    public void Clear() => _turns.Clear();
}
