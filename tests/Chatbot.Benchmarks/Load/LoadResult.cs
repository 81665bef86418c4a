namespace Chatbot.Benchmarks.Load;

/// <summary>
/// What one or more <see cref="LoadGenerator"/> windows measured. Process-wide figures (CPU, allocations, GCs) cover
/// everything in this process during the windows, the load generator included. <see cref="WindowStart"/> is the
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the (first) window opened.
/// </summary>
public sealed class LoadResult(
    LoadPlan plan,
    long windowStart,
    double windowSeconds,
    long completed,
    long failed,
    long items,
    double[] firstItemSamples,
    double[] totalSamples,
    TimeSpan cpuTime,
    long allocatedBytes,
    int gen0Collections,
    int gen2Collections,
    IReadOnlyList<string> errors)
{
    public LoadPlan Plan { get; } = plan;

    public long WindowStart { get; } = windowStart;

    public double WindowSeconds { get; } = windowSeconds;

    /// <summary>Requests that ended successfully inside the window.</summary>
    public long Completed { get; } = completed;

    /// <summary>Requests started inside the window that failed.</summary>
    public long Failed { get; } = failed;

    /// <summary>Items (tokens) delivered inside the window.</summary>
    public long Items { get; } = items;

    /// <summary>Time to first item of successful requests started in the window, milliseconds.</summary>
    public Percentiles FirstItemMs { get; } = Percentiles.Of([.. firstItemSamples]);

    /// <summary>Duration of successful requests started in the window, milliseconds.</summary>
    public Percentiles TotalMs { get; } = Percentiles.Of([.. totalSamples]);

    public TimeSpan CpuTime { get; } = cpuTime;

    public long AllocatedBytes { get; } = allocatedBytes;

    public int Gen0Collections { get; } = gen0Collections;

    public int Gen2Collections { get; } = gen2Collections;

    /// <summary>Distinct error messages (a few).</summary>
    public IReadOnlyList<string> Errors { get; } = errors;

    /// <summary>Requests completed per second in the window.</summary>
    public double Throughput => Completed / WindowSeconds;

    /// <summary>Items (tokens) delivered per second in the window.</summary>
    public double ItemsPerSecond => Items / WindowSeconds;

    /// <summary>Process CPU time per item delivered, in microseconds.</summary>
    public double CpuMicrosecondsPerItem => Items == 0 ? double.NaN : CpuTime.TotalMicroseconds / Items;

    /// <summary>Average number of cores this process kept busy in the window.</summary>
    public double CpuCores => CpuTime.TotalSeconds / WindowSeconds;

    /// <summary>Bytes allocated per completed request.</summary>
    public double AllocatedBytesPerRequest => Completed == 0 ? double.NaN : (double)AllocatedBytes / Completed;

    private double[] FirstItemSamples { get; } = firstItemSamples;

    private double[] TotalSamples { get; } = totalSamples;

    /// <summary>
    /// Several windows of the same load as one: counts, times and samples add up. Interleaving slices of two servers
    /// and combining each server's slices spreads drifting background load evenly over both.
    /// </summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> slices) => slices.Count == 1 ? slices[0] : new(
        slices[0].Plan with { Duration = TimeSpan.FromSeconds(slices.Sum(s => s.Plan.Duration.TotalSeconds)) },
        slices[0].WindowStart,
        slices.Sum(s => s.WindowSeconds),
        slices.Sum(s => s.Completed),
        slices.Sum(s => s.Failed),
        slices.Sum(s => s.Items),
        [.. slices.SelectMany(s => s.FirstItemSamples)],
        [.. slices.SelectMany(s => s.TotalSamples)],
        TimeSpan.FromTicks(slices.Sum(s => s.CpuTime.Ticks)),
        slices.Sum(s => s.AllocatedBytes),
        slices.Sum(s => s.Gen0Collections),
        slices.Sum(s => s.Gen2Collections),
        [.. slices.SelectMany(s => s.Errors).Distinct().Take(5)]);
}
