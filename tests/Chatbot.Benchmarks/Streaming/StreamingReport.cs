using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Profiling;
using Chatbot.Benchmarks.Reporting;
using static Chatbot.Benchmarks.Reporting.MarkdownTable;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>Turns the streaming levels into the Markdown section and the JSON line.</summary>
internal static class StreamingReport
{
    /// <summary>Platform throughput must be at least this fraction of the baseline's.</summary>
    public const double ThroughputGoal = 0.5;

    /// <summary>P95 time to first token the platform may add, milliseconds.</summary>
    public const double AddedTtftGoalMs = 5;

    public static ScenarioReport Build(BenchSettings settings, IReadOnlyList<StreamingLevel> levels, long platformModelCalls)
    {
        var md = new StringBuilder("## streaming — 50-token answers over SSE: platform vs bare Kestrel\n\n");
        var table = new MarkdownTable(
            "streams", "server", "turns/s", "× baseline", "CPU ×", "TTFT p50 ms", "p95", "p99", "added p50", "added p95", "added p99",
            "turn p50 ms", "turn p95", "CPU µs/token", "cores", "KB alloc/turn", "gen2", "failed");
        foreach (var level in levels)
        {
            Row(table, level, "baseline", level.Baseline, null);
            Row(table, level, "platform", level.Platform, level);
        }

        md.Append(table).Append('\n');

        // Goals, judged at the issue's concurrency.
        var goal = levels.FirstOrDefault(l => l.Concurrency == StreamingScenario.GoalConcurrency) ?? levels.MaxBy(l => l.Concurrency)!;
        var throughputMet = goal.ThroughputRatio >= ThroughputGoal;
        var ttftMet = goal.AddedTtft.P95 < AddedTtftGoalMs;
        var clean = levels.All(l => l.Baseline.Failed == 0 && l.Platform.Failed == 0);
        md.Append(CultureInfo.InvariantCulture, $"Goals at {goal.Concurrency} streams{(settings.Quick ? " (quick run: not a measurement)" : "")}:\n")
            .Append(CultureInfo.InvariantCulture, $"- throughput ≥ {ThroughputGoal}× baseline: **{goal.ThroughputRatio:F2}×** — {Verdict(throughputMet)}\n")
            .Append(CultureInfo.InvariantCulture, $"  (CPU per token: platform {goal.Platform.CpuMicrosecondsPerItem:F1} µs, baseline {goal.Baseline.CpuMicrosecondsPerItem:F1} µs: ")
            .Append(CultureInfo.InvariantCulture, $"**{goal.CpuRatio:F2}×** is the throughput ratio to expect on a dedicated CPU-bound machine)\n")
            .Append(CultureInfo.InvariantCulture, $"- P95 added TTFT < {AddedTtftGoalMs} ms: **{goal.AddedTtft.P95:F1} ms** — {Verdict(ttftMet)}\n");
        if (!clean)
        {
            md.Append("- some turns failed (see `failed`; errors in latest.json): the figures above are not trustworthy\n");
        }

        md.Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Model: {FixedAnswer.TokenCount} fixed tokens, no delay, ")
            .Append(settings.SyncModel ? "produced synchronously" : "each token in its own continuation (as tokens arriving from a network)")
            .Append(CultureInfo.InvariantCulture, $"; platform model calls: {platformModelCalls}; platform grain storage: {settings.PlatformStorage}. ")
            .Append(CultureInfo.InvariantCulture, $"A client sends {settings.TurnsPerConversation} turns to a conversation, then starts a new one. ")
            .Append("TTFT: request sent → first delta parsed by the client. Added = platform − baseline at the same percentile. ")
            .Append("CPU and allocations are the whole process in the phase's window (server and load generator); both phases carry the same client.\n");

        foreach (var level in levels.Where(l => l.PlatformStages is not null))
        {
            AppendProfile(md, level);
        }

        var json = new JsonObject
        {
            ["model"] = settings.SyncModel ? "sync" : "async",
            ["platform_storage"] = settings.PlatformStorage,
            ["tokens_per_turn"] = FixedAnswer.TokenCount,
            ["turns_per_conversation"] = settings.TurnsPerConversation,
            ["quick"] = settings.Quick,
            ["levels"] = new JsonArray([.. levels.Select(Json)]),
            ["goals"] = new JsonObject
            {
                ["concurrency"] = goal.Concurrency,
                ["throughput_ratio"] = Round(goal.ThroughputRatio, 3),
                ["throughput_met"] = throughputMet,
                ["cpu_ratio"] = Round(goal.CpuRatio, 3),
                ["p95_added_ttft_ms"] = Round(goal.AddedTtft.P95, 2),
                ["ttft_met"] = ttftMet,
                ["clean"] = clean,
            },
        };
        return new ScenarioReport("streaming", md.ToString(), json);
    }

    private static void Row(MarkdownTable table, StreamingLevel level, string server, LoadResult r, StreamingLevel? added) => table.Row(
        level.Concurrency.ToString(CultureInfo.InvariantCulture),
        server,
        Num(r.Throughput, 0),
        added is null ? "1.00" : Num(added.ThroughputRatio, 2),
        added is null ? "1.00" : Num(added.CpuRatio, 2),
        Num(r.FirstItemMs.P50, 2),
        Num(r.FirstItemMs.P95, 2),
        Num(r.FirstItemMs.P99, 2),
        added is null ? "" : Num(added.AddedTtft.P50, 2),
        added is null ? "" : Num(added.AddedTtft.P95, 2),
        added is null ? "" : Num(added.AddedTtft.P99, 2),
        Num(r.TotalMs.P50, 2),
        Num(r.TotalMs.P95, 2),
        Num(r.CpuMicrosecondsPerItem, 1),
        Num(r.CpuCores, 2),
        Num(r.AllocatedBytesPerRequest / 1024, 1),
        r.Gen2Collections.ToString(CultureInfo.InvariantCulture),
        r.Failed.ToString(CultureInfo.InvariantCulture));

    private static void AppendProfile(StringBuilder md, StreamingLevel level)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n### Profile at {level.Concurrency} streams\n\nTTFT by stage (ms, p50 / p95):\n\n");
        var stages = new MarkdownTable("server", "client → pipeline", "pipeline → model", "model → client has token");
        foreach (var (server, s) in new[] { ("baseline", level.BaselineStages!), ("platform", level.PlatformStages!) })
        {
            stages.Row(server, Pair(s.ToServer), Pair(s.ToModel), Pair(s.ToClient));
        }

        md.Append(stages);
        if (level.Orleans is { } orleans)
        {
            md.Append("\nSilo work per turn (grain calls: arrival → result, waits included; writes: serialize + writer queue + SQLite):\n\n");
            var table = new MarkdownTable("operation", "per turn", "mean ms", "mean bytes");
            foreach (var (name, perTurn, meanMs, meanBytes) in orleans.Calls.Concat(orleans.Writes))
            {
                table.Row(name, Num(perTurn, 2), Num(meanMs, 3), meanBytes == 0 ? "" : Num(meanBytes, 0));
            }

            md.Append(table);
        }
    }

    private static JsonObject Json(StreamingLevel level) => new()
    {
        ["streams"] = level.Concurrency,
        ["baseline"] = Json(level.Baseline),
        ["platform"] = Json(level.Platform),
        ["throughput_ratio"] = Round(level.ThroughputRatio, 3),
        ["cpu_ratio"] = Round(level.CpuRatio, 3),
        ["added_ttft_ms"] = Json(level.AddedTtft),
    };

    private static JsonObject Json(LoadResult r) => new()
    {
        ["turns_per_s"] = Round(r.Throughput, 1),
        ["tokens_per_s"] = Round(r.ItemsPerSecond, 0),
        ["window_s"] = Round(r.WindowSeconds, 2),
        ["turns"] = r.Completed,
        ["failed"] = r.Failed,
        ["ttft_ms"] = Json(r.FirstItemMs),
        ["turn_ms"] = Json(r.TotalMs),
        ["cpu_us_per_token"] = Round(r.CpuMicrosecondsPerItem, 2),
        ["cpu_cores"] = Round(r.CpuCores, 2),
        ["alloc_bytes_per_turn"] = Round(r.AllocatedBytesPerRequest, 0),
        ["gen0"] = r.Gen0Collections,
        ["gen2"] = r.Gen2Collections,
        ["errors"] = new JsonArray([.. r.Errors.Select(e => (JsonNode)JsonValue.Create(e))]),
    };

    private static JsonObject Json(Percentiles p) => new()
    {
        ["p50"] = Round(p.P50, 3),
        ["p95"] = Round(p.P95, 3),
        ["p99"] = Round(p.P99, 3),
        ["max"] = Round(p.Max, 3),
        ["n"] = p.Count,
    };

    private static string Pair(Percentiles p) => $"{Num(p.P50, 2)} / {Num(p.P95, 2)}";

    private static string Verdict(bool met) => met ? "met" : "**NOT met**";

    private static JsonNode? Round(double value, int decimals) =>
        double.IsNaN(value) || double.IsInfinity(value) ? null : JsonValue.Create(Math.Round(value, decimals));
}
