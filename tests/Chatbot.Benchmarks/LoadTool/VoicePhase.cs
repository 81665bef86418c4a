using Chatbot.Benchmarks.Load;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// Voice sessions under load: <c>--ws-sessions</c> WebSocket sessions at once, each a closed loop of typed questions
/// (<see cref="VoiceTurnClient"/>). A voice turn ends when its answer has been spoken, and answer audio is paced to
/// real-time playback, so a turn lasts about as long as its answer takes to say; the window is long enough for several.
/// </summary>
internal static class VoicePhase
{
    public static async Task<VoiceLevel> RunAsync(LoadTarget target, BenchSettings settings, int sessions, string run, CancellationToken cancellationToken)
    {
        var times = new VoiceTurnTimes();
        var clients = Enumerable.Range(0, sessions)
            .Select(i => new VoiceTurnClient(target, $"load-ws-{run}-{sessions}-{i}", settings.TurnsPerConversation, times))
            .ToArray();
        try
        {
            var plan = new LoadPlan(
                sessions, TimeSpan.FromSeconds(settings.Quick ? 3 : 5), TimeSpan.FromSeconds(settings.Quick ? 10 : Math.Max(20, settings.Seconds)));
            Progress.Write($"voice sessions: {sessions} concurrent, warm-up {plan.Warmup.TotalSeconds:F0} s, measure {plan.Duration.TotalSeconds:F0} s");
            var result = await LoadGenerator.RunAsync(plan, (worker, ct) => clients[worker.Index].RunTurnAsync(worker.CountItem, ct), cancellationToken);
            var level = new VoiceLevel(result, times.Gaps.In(result), times.FirstAudio.In(result), Percentiles.Of([.. times.SessionStarts]));
            Progress.Write($"voice sessions: {result.Throughput:F1} turns/s, TTFT p95 {result.FirstItemMs.P95:F1} ms, " +
                $"first audio p95 {level.FirstAudioMs.P95:F1} ms, {result.Failed} failed");
            return level;
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}

/// <summary>One level of voice sessions.</summary>
/// <param name="Result">Turns: TTFT (question sent → first <c>llm_delta</c>) and turn time (→ <c>done</c>), turns/s, errors.</param>
/// <param name="GapsMs">Gaps between consecutive <c>llm_delta</c>s.</param>
/// <param name="FirstAudioMs">Question sent → first <c>tts_chunk</c>.</param>
/// <param name="SessionStartMs">Connect → <c>ready</c> of the sessions started in the level.</param>
internal sealed record VoiceLevel(LoadResult Result, Percentiles GapsMs, Percentiles FirstAudioMs, Percentiles SessionStartMs);
