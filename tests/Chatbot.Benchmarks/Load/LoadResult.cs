namespace Chatbot.Benchmarks.Load;

/// <summary>
/// What one <see cref="LoadGenerator"/> run measured in its window. Process-wide figures (CPU, allocations, GCs) cover
/// everything in this process during the window, the load generator included. <see cref="WindowStart"/> is the
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp at which the window opened.
/// </summary>
public sealed record LoadResult(
    LoadPlan Plan,
    long WindowStart,
    double WindowSeconds,
    long Completed,
    long Failed,
    long Items,
    Percentiles FirstItemMs,
    Percentiles TotalMs,
    TimeSpan CpuTime,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen2Collections,
    IReadOnlyList<string> Errors)
{
    /// <summary>Requests completed per second in the window.</summary>
    public double Throughput => Completed / WindowSeconds;

    /// <summary>Items (tokens) delivered per second in the window.</summary>
    public double ItemsPerSecond => Items / WindowSeconds;

    /// <summary>Process CPU time per item delivered, in microseconds.</summary>
    public double CpuMicrosecondsPerItem => Items == 0 ? double.NaN : CpuTime.TotalMicroseconds / Items;

    /// <summary>Average number of cores busy in the window.</summary>
    public double CpuCores => CpuTime.TotalSeconds / WindowSeconds;

    /// <summary>Bytes allocated per completed request.</summary>
    public double AllocatedBytesPerRequest => Completed == 0 ? double.NaN : (double)AllocatedBytes / Completed;
}
