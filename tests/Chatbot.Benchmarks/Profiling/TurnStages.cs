using System.Diagnostics;
using Chatbot.Benchmarks.Load;

namespace Chatbot.Benchmarks.Profiling;

/// <summary>
/// Where one turn's time to first token went (all <see cref="Stopwatch"/> timestamps of this process):
/// client send → the server's pipeline sees the request → the model is called → the client has the first token.
/// </summary>
internal readonly record struct TurnStages(long ClientSent, long RequestStarted, long ModelStarted, long FirstToken)
{
    /// <summary>Percentiles of each stage over <paramref name="turns"/>, milliseconds.</summary>
    public static StageSummary Summarize(IReadOnlyCollection<TurnStages> turns) => new(
        Percentiles.Of([.. turns.Select(t => Ms(t.ClientSent, t.RequestStarted))]),
        Percentiles.Of([.. turns.Select(t => Ms(t.RequestStarted, t.ModelStarted))]),
        Percentiles.Of([.. turns.Select(t => Ms(t.ModelStarted, t.FirstToken))]));

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}

/// <summary>TTFT split in three stages, milliseconds.</summary>
/// <param name="ToServer">Client send until the server's pipeline sees the request (HTTP client, Kestrel, queueing for a thread).</param>
/// <param name="ToModel">Pipeline entry until the model is called (middleware, body, validation, grain call and activation).</param>
/// <param name="ToClient">Model call until the client has the first token (event log, grain stream, SSE, Kestrel, client).</param>
internal sealed record StageSummary(Percentiles ToServer, Percentiles ToModel, Percentiles ToClient);

/// <summary>Grain calls and state writes per turn in a measured window.</summary>
internal sealed record OrleansSnapshot(
    IReadOnlyList<(string Name, double PerTurn, double MeanMs, double MeanBytes)> Calls,
    IReadOnlyList<(string Name, double PerTurn, double MeanMs, double MeanBytes)> Writes)
{
    public static OrleansSnapshot Of(OrleansProbe probe, long turns) => new(Per(probe.Calls, turns), Per(probe.Writes, turns));

    private static IReadOnlyList<(string, double, double, double)> Per(TimingStats stats, long turns) =>
        [.. stats.Read().Select(e => (e.Name, (double)e.Count / Math.Max(1, turns), e.MeanMs, e.MeanBytes))];
}
