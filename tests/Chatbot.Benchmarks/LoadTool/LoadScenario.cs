using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Reporting;
using Chatbot.Benchmarks.Streaming;
using static Chatbot.Benchmarks.Reporting.MarkdownTable;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// The load tool: drives a deployment (<c>--url</c>; by default a local single-machine instance it starts) with
/// concurrent SSE chat streams at each <c>--concurrency</c> and reports time to first token, inter-token gaps, turn
/// time (P50/P95/P99), turns/s and errors; then holds <c>--idle</c> idle SSE connections at once and reports the
/// server's memory per open connection.
/// </summary>
internal sealed class LoadScenario : IScenario
{
    public string Name => "load";

    public string Summary => "load tool: SSE streams (TTFT, inter-token gaps, turns/s, errors) and idle connections (server memory per connection) against --url or a local instance";

    public async Task<ScenarioReport> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var target = await LoadTarget.StartAsync(settings, cancellationToken);
        Progress.Write($"load target: {target.Description}");

        // 1. Streams: closed loop at each concurrency.
        var gaps = new TokenGaps();
        var levels = new List<(LoadResult Result, Percentiles Gaps)>();
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var concurrency in settings.Concurrency)
        {
            using var http = target.CreateClient(concurrency + 16, TimeSpan.FromSeconds(120));
            var client = new ChatStreamClient(http, new Uri(target.BaseAddress, "api/v1/chat/stream"), expectedTokens: null, gaps);
            var turns = new int[concurrency];
            var plan = new LoadPlan(concurrency, settings.WarmupFor(concurrency, 0), settings.MeasureFor(concurrency));
            Progress.Write($"streams: {concurrency} concurrent, warm-up {plan.Warmup.TotalSeconds:F0} s, measure {plan.Duration.TotalSeconds:F1} s");
            var result = await LoadGenerator.RunAsync(plan, (worker, ct) =>
            {
                var turn = turns[worker.Index]++;
                var conversation = $"load-{run}-{concurrency}-{worker.Index}-{turn / settings.TurnsPerConversation}";
                var requestId = $"load-{run}-{concurrency}-{worker.Index}-{turn}";
                return client.RunTurnAsync(conversation, requestId, "When is the support desk open?", worker.CountItem, null, ct);
            }, cancellationToken);
            levels.Add((result, gaps.In(result)));
            gaps.Clear();
            Progress.Write($"streams: {result.Throughput:F0} turns/s, TTFT p95 {result.FirstItemMs.P95:F1} ms, {result.Failed} failed");
        }

        // 2. Idle connections.
        var idle = await IdlePhase.RunAsync(
            target, settings.Quick ? Math.Min(settings.IdleConnections, 500) : settings.IdleConnections, settings.HeldTurns, cancellationToken);
        if (idle.Failed > 0 && target.ExitReport is { } exit)
        {
            Progress.Write(exit);
        }

        return Report(settings, target, levels, idle);
    }

    private static ScenarioReport Report(BenchSettings settings, LoadTarget target, List<(LoadResult Result, Percentiles Gaps)> levels, IdleResult idle)
    {
        var md = new StringBuilder("## load — SSE streams and idle connections\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Target: {target.Description}{(settings.Quick ? " (quick run: not a measurement)" : "")}.\n\n");
        var table = new MarkdownTable(
            "streams", "turns/s", "tokens/s", "TTFT p50 ms", "p95", "p99", "gap p50 ms", "p95", "p99", "turn p50 ms", "p95", "p99", "errors");
        var json = new JsonObject { ["scenario"] = "load", ["target"] = target.IsLocal ? "local" : target.BaseAddress.ToString() };
        var jsonLevels = new JsonArray();
        foreach (var (r, g) in levels)
        {
            table.Row(
                r.Plan.Concurrency.ToString(CultureInfo.InvariantCulture), Num(r.Throughput), Num(r.ItemsPerSecond, 0),
                Num(r.FirstItemMs.P50), Num(r.FirstItemMs.P95), Num(r.FirstItemMs.P99),
                Num(g.P50, 2), Num(g.P95, 2), Num(g.P99, 2),
                Num(r.TotalMs.P50), Num(r.TotalMs.P95), Num(r.TotalMs.P99),
                r.Failed.ToString(CultureInfo.InvariantCulture));
            jsonLevels.Add(new JsonObject
            {
                ["streams"] = r.Plan.Concurrency,
                ["turns_per_s"] = Round(r.Throughput),
                ["tokens_per_s"] = Round(r.ItemsPerSecond),
                ["ttft_ms"] = Json(r.FirstItemMs),
                ["gap_ms"] = Json(g),
                ["turn_ms"] = Json(r.TotalMs),
                ["errors"] = r.Failed,
                ["error_samples"] = new JsonArray([.. r.Errors.Select(e => JsonValue.Create(e))]),
            });
        }

        md.Append(table).Append('\n')
            .Append("TTFT: request sent → first answer token parsed by the client; gap: time between consecutive tokens of a turn; ")
            .Append(CultureInfo.InvariantCulture, $"a client sends {settings.TurnsPerConversation} turns to a conversation, then starts another.\n\n");

        var (perWs, perHeap) = idle.PerConnection;
        var idleTable = new MarkdownTable("idle connections", "open at measurement", "held turns", "open in s", "server working set before → after MB",
            "KB/connection (working set)", "KB/connection (GC heap)", "done after release", "release → last done s", "failed");
        idleTable.Row(
            idle.Connections.ToString(CultureInfo.InvariantCulture), idle.OpenAtMeasurement.ToString(CultureInfo.InvariantCulture),
            idle.HeldTurns.ToString(CultureInfo.InvariantCulture), Num(idle.OpenSeconds),
            $"{Mb(idle.Before.WorkingSetBytes)} → {Mb(idle.After.WorkingSetBytes)}", Kb(perWs), Kb(perHeap),
            idle.Completed.ToString(CultureInfo.InvariantCulture), Num(idle.FinishSeconds), idle.Failed.ToString(CultureInfo.InvariantCulture));
        md.Append(idleTable).Append('\n')
            .Append("Idle: the held turns' model sends two tokens and waits (local instance); every other connection follows one of those turns ")
            .Append("(`GET /api/v1/conversations/{id}/stream?request_id=`). Memory is the server's own `/metrics` (`System.Runtime`: working set, ")
            .Append("GC heap after the last collection), read before the first connection and once all are open and quiet; per connection = difference ÷ connections open. ")
            .Append("After the release every connection must receive the rest of its answer and `done`.\n");
        if (idle.Errors.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\nIdle errors: {string.Join("; ", idle.Errors)}\n");
        }

        json["streams"] = jsonLevels;
        json["idle"] = new JsonObject
        {
            ["connections"] = idle.Connections,
            ["open_at_measurement"] = idle.OpenAtMeasurement,
            ["held_turns"] = idle.HeldTurns,
            ["open_s"] = Round(idle.OpenSeconds),
            ["working_set_before_bytes"] = idle.Before.WorkingSetBytes,
            ["working_set_after_bytes"] = idle.After.WorkingSetBytes,
            ["gc_heap_before_bytes"] = idle.Before.GcHeapBytes,
            ["gc_heap_after_bytes"] = idle.After.GcHeapBytes,
            ["bytes_per_connection_working_set"] = perWs is { } w ? Round(w) : null,
            ["bytes_per_connection_gc_heap"] = perHeap is { } h ? Round(h) : null,
            ["completed"] = idle.Completed,
            ["failed"] = idle.Failed,
            ["release_to_last_done_s"] = Round(idle.FinishSeconds),
            ["errors"] = new JsonArray([.. idle.Errors.Select(e => JsonValue.Create(e))]),
        };
        return new ScenarioReport("load", md.ToString(), json);
    }

    private static JsonObject Json(Percentiles p) => new() { ["p50"] = Round(p.P50), ["p95"] = Round(p.P95), ["p99"] = Round(p.P99), ["count"] = p.Count };

    private static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;

    private static string Mb(double? bytes) => bytes is { } b ? Num(b / (1024 * 1024), 0) : "–";

    private static string Kb(double? bytes) => bytes is { } b ? Num(b / 1024, 1) : "–";
}
