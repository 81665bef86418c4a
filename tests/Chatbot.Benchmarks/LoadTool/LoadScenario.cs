using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Reporting;
using Chatbot.Benchmarks.Streaming;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// The load tool: drives a deployment (<c>--url</c>; by default a local single-machine instance it starts) with
/// concurrent SSE chat streams at each <c>--concurrency</c> and reports time to first token, inter-token gaps, turn
/// time (P50/P95/P99), turns/s and errors; holds <c>--idle</c> idle SSE connections at once and reports the server's
/// memory per open connection; then does the same for WebSocket voice sessions: <c>--ws-sessions</c> sessions asking
/// typed questions (time to first <c>llm_delta</c>, gaps, time to first <c>tts_chunk</c>, turn time, turns/s, errors)
/// and <c>--idle-ws</c> open, quiet sessions (server memory per session).
/// </summary>
internal sealed class LoadScenario : IScenario
{
    public string Name => "load";

    public string Summary => "load tool: SSE streams and WebSocket voice sessions (TTFT, inter-token gaps, first audio, turns/s, errors), idle connections and sessions (server memory each) against --url or a local instance";

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
        ShowServerOutputIf(idle.Failed > 0, target);

        // 3. Voice sessions over the WebSocket: closed loop at each level.
        var voice = new List<VoiceLevel>();
        foreach (var sessions in settings.LoadVoiceSessions)
        {
            voice.Add(await VoicePhase.RunAsync(target, settings, sessions, run, cancellationToken));
        }

        ShowServerOutputIf(voice.Any(l => l.Result.Failed > 0), target);

        // 4. Idle voice sessions.
        var idleVoice = await IdleVoicePhase.RunAsync(
            target, settings.Quick ? Math.Min(settings.IdleVoiceSessions, 200) : settings.IdleVoiceSessions, cancellationToken);
        ShowServerOutputIf(idleVoice.Failed > 0, target);

        return LoadReport.Build(settings, target, levels, idle, voice, idleVoice);
    }

    private static void ShowServerOutputIf(bool failed, LoadTarget target)
    {
        if (failed && target.ExitReport is { } exit)
        {
            Progress.Write(exit);
        }
    }
}
