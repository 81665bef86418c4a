using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Benchmarks.Profiling;

/// <summary>Counts and total time per named operation (grain methods, storage writes). Thread-safe.</summary>
internal sealed class TimingStats
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Records one operation that started at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Record(string name, long started, long bytes = 0)
    {
        var entry = _entries.GetOrAdd(name, _ => new Entry());
        Interlocked.Increment(ref entry.Count);
        Interlocked.Add(ref entry.Ticks, Stopwatch.GetTimestamp() - started);
        Interlocked.Add(ref entry.Bytes, bytes);
    }

    /// <summary>Forgets everything recorded so far (at the start of a measured window).</summary>
    public void Reset() => _entries.Clear();

    /// <summary>What was recorded, busiest first.</summary>
    public IReadOnlyList<(string Name, long Count, double TotalMs, double MeanMs, double MeanBytes)> Read() =>
        [.. _entries.Select(e => (
                e.Key,
                e.Value.Count,
                e.Value.Ticks * 1000.0 / Stopwatch.Frequency,
                e.Value.Ticks * 1000.0 / Stopwatch.Frequency / Math.Max(1, e.Value.Count),
                (double)e.Value.Bytes / Math.Max(1, e.Value.Count)))
            .OrderByDescending(e => e.Item3)];

    private sealed class Entry
    {
        public long Count;
        public long Ticks;
        public long Bytes;
    }
}
