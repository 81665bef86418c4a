using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Reporting;
using static Chatbot.Benchmarks.Reporting.MarkdownTable;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>The load tool's Markdown section and JSON figures: SSE streams, idle SSE connections, voice sessions, idle voice sessions.</summary>
internal static class LoadReport
{
    public static ScenarioReport Build(
        BenchSettings settings, LoadTarget target, IReadOnlyList<(LoadResult Result, Percentiles Gaps)> streams, IdleResult idle,
        IReadOnlyList<VoiceLevel> voice, IdleResult idleVoice)
    {
        var md = new StringBuilder("## load — SSE streams, WebSocket voice sessions and idle connections\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Target: {target.Description}{(settings.Quick ? " (quick run: not a measurement)" : "")}.\n\n");
        var json = new JsonObject { ["scenario"] = "load", ["target"] = target.IsLocal ? "local" : target.BaseAddress.ToString() };

        // 1. SSE streams.
        var table = new MarkdownTable(
            "streams", "turns/s", "tokens/s", "TTFT p50 ms", "p95", "p99", "gap p50 ms", "p95", "p99", "turn p50 ms", "p95", "p99", "errors");
        foreach (var (r, g) in streams)
        {
            table.Row([Count(r.Plan.Concurrency), Num(r.Throughput), Num(r.ItemsPerSecond, 0), .. Cells(r.FirstItemMs), .. Cells(g, 2), .. Cells(r.TotalMs), Count(r.Failed)]);
        }

        md.Append(table).Append('\n')
            .Append("TTFT: request sent → first answer token parsed by the client; gap: time between consecutive tokens of a turn; ")
            .Append(CultureInfo.InvariantCulture, $"a client sends {settings.TurnsPerConversation} turns to a conversation, then starts another.\n\n");
        json["streams"] = new JsonArray([.. streams.Select(l => (JsonNode)new JsonObject
        {
            ["streams"] = l.Result.Plan.Concurrency,
            ["turns_per_s"] = Round(l.Result.Throughput),
            ["tokens_per_s"] = Round(l.Result.ItemsPerSecond),
            ["ttft_ms"] = Json(l.Result.FirstItemMs),
            ["gap_ms"] = Json(l.Gaps),
            ["turn_ms"] = Json(l.Result.TotalMs),
            ["errors"] = l.Result.Failed,
            ["error_samples"] = Strings(l.Result.Errors),
        })]);

        // 2. Idle SSE connections.
        var idleTable = new MarkdownTable("idle connections", "open at measurement", "held turns", "open in s", "server working set before → after MB",
            "KB/connection (working set)", "KB/connection (GC heap)", "done after release", "release → last done s", "failed");
        idleTable.Row([Count(idle.Connections), Count(idle.OpenAtMeasurement), Count(idle.HeldTurns), .. IdleCells(idle)]);
        md.Append(idleTable).Append('\n')
            .Append("Idle: the held turns' model sends two tokens and waits (local instance); every other connection follows one of those turns ")
            .Append("(`GET /api/v1/conversations/{id}/stream?request_id=`). Memory is the server's own `/metrics` (`System.Runtime`: working set, ")
            .Append("GC heap after the last collection), read before the first connection and once all are open and quiet; per connection = difference ÷ connections open. ")
            .Append("After the release every connection must receive the rest of its answer and `done`.\n");
        Errors(md, "Idle errors", idle.Errors);
        json["idle"] = IdleJson(idle, "held_turns", "completed", "release_to_last_done_s");

        // 3. Voice sessions.
        var voiceTable = new MarkdownTable("voice sessions", "turns/s", "TTFT p50 ms", "p95", "p99", "gap p50 ms", "p95", "p99",
            "first audio p50 ms", "p95", "p99", "turn p50 ms", "p95", "p99", "session start p50 / p95 ms", "errors");
        foreach (var l in voice)
        {
            var r = l.Result;
            voiceTable.Row([Count(r.Plan.Concurrency), Num(r.Throughput, 2), .. Cells(r.FirstItemMs), .. Cells(l.GapsMs, 2), .. Cells(l.FirstAudioMs),
                .. Cells(r.TotalMs), $"{Num(l.SessionStartMs.P50)} / {Num(l.SessionStartMs.P95)}", Count(r.Failed)]);
        }

        md.Append('\n').Append(voiceTable).Append('\n')
            .Append("Voice: WebSocket sessions on `/api/v1/voice/stream` (`start` with 16 kHz PCM16, then typed questions: `text`), each a closed loop of turns; ")
            .Append("TTFT: question sent → first `llm_delta`; gap: between consecutive `llm_delta`s; first audio: question sent → first `tts_chunk`; ")
            .Append("turn: question sent → `done`, which comes once the answer's audio has been paced out at playback speed, so it follows the answer's length. ")
            .Append(CultureInfo.InvariantCulture, $"A session asks {settings.TurnsPerConversation} questions, then a new one starts; session start: connect → `ready`, over every session of the level.\n");
        foreach (var l in voice.Where(l => l.Result.Errors.Count > 0))
        {
            Errors(md, $"Voice errors at {l.Result.Plan.Concurrency} sessions", l.Result.Errors);
        }

        json["voice"] = new JsonArray([.. voice.Select(l => (JsonNode)new JsonObject
        {
            ["sessions"] = l.Result.Plan.Concurrency,
            ["turns_per_s"] = Round(l.Result.Throughput),
            ["llm_deltas_per_s"] = Round(l.Result.ItemsPerSecond),
            ["ttft_ms"] = Json(l.Result.FirstItemMs),
            ["gap_ms"] = Json(l.GapsMs),
            ["first_audio_ms"] = Json(l.FirstAudioMs),
            ["turn_ms"] = Json(l.Result.TotalMs),
            ["session_start_ms"] = Json(l.SessionStartMs),
            ["errors"] = l.Result.Failed,
            ["error_samples"] = Strings(l.Result.Errors),
        })]);

        // 4. Idle voice sessions.
        var idleVoiceTable = new MarkdownTable("idle voice sessions", "open at measurement", "open in s", "server working set before → after MB",
            "KB/session (working set)", "KB/session (GC heap)", "closed after stop", "stop → last close s", "failed");
        idleVoiceTable.Row([Count(idleVoice.Connections), Count(idleVoice.OpenAtMeasurement), .. IdleCells(idleVoice)]);
        md.Append('\n').Append(idleVoiceTable).Append('\n')
            .Append("Idle voice: sessions started (`ready`) and then quiet but for one 20 ms frame of silence every ")
            .Append(CultureInfo.InvariantCulture, $"{IdleVoicePhase.KeepAliveInterval.TotalSeconds:F0} s (a muted microphone; the server ends sessions silent for 30 s). ")
            .Append("Memory as for idle connections, per session open (the GC heap is the heap after the server's last collection: 0 when none ran ")
            .Append("while the sessions opened); then each sends `stop` and must be closed normally by the server.\n");
        Errors(md, "Idle voice errors", idleVoice.Errors);
        json["idle_voice"] = IdleJson(idleVoice, null, "closed_after_stop", "stop_to_last_close_s");
        return new ScenarioReport("load", md.ToString(), json);
    }

    private static string[] Cells(Percentiles p, int decimals = 1) => [Num(p.P50, decimals), Num(p.P95, decimals), Num(p.P99, decimals)];

    // Open in, memory before → after, per connection (working set, GC heap), completed, time to the last, failed.
    private static string[] IdleCells(IdleResult idle)
    {
        var (perWs, perHeap) = idle.PerConnection;
        return
        [
            Num(idle.OpenSeconds), $"{Mb(idle.Before.WorkingSetBytes)} → {Mb(idle.After.WorkingSetBytes)}", Kb(perWs), Kb(perHeap),
            Count(idle.Completed), Num(idle.FinishSeconds), Count(idle.Failed),
        ];
    }

    private static JsonObject IdleJson(IdleResult idle, string? heldTurnsKey, string completedKey, string finishKey)
    {
        var (perWs, perHeap) = idle.PerConnection;
        var json = new JsonObject
        {
            ["connections"] = idle.Connections,
            ["open_at_measurement"] = idle.OpenAtMeasurement,
            ["open_s"] = Round(idle.OpenSeconds),
            ["working_set_before_bytes"] = idle.Before.WorkingSetBytes,
            ["working_set_after_bytes"] = idle.After.WorkingSetBytes,
            ["gc_heap_before_bytes"] = idle.Before.GcHeapBytes,
            ["gc_heap_after_bytes"] = idle.After.GcHeapBytes,
            ["bytes_per_connection_working_set"] = perWs is { } w ? Round(w) : null,
            ["bytes_per_connection_gc_heap"] = perHeap is { } h ? Round(h) : null,
            [completedKey] = idle.Completed,
            ["failed"] = idle.Failed,
            [finishKey] = Round(idle.FinishSeconds),
            ["errors"] = Strings(idle.Errors),
        };
        if (heldTurnsKey is not null)
        {
            json[heldTurnsKey] = idle.HeldTurns;
        }

        return json;
    }

    private static void Errors(StringBuilder md, string title, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n{title}: {string.Join("; ", errors)}\n");
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    private static JsonObject Json(Percentiles p) => new() { ["p50"] = Round(p.P50), ["p95"] = Round(p.P95), ["p99"] = Round(p.P99), ["count"] = p.Count };

    private static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 2) : null;

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Mb(double? bytes) => bytes is { } b ? Num(b / (1024 * 1024), 0) : "–";

    private static string Kb(double? bytes) => bytes is { } b ? Num(b / 1024, 1) : "–";
}
