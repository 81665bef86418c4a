using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Profiling;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>
/// The foundation issue's acceptance: 50-token answers streamed over SSE through the whole platform (gateway, co-hosted
/// silo, conversation grain, SQLite state) against bare Kestrel streaming the same tokens, at several concurrency levels.
/// Goal: at 500 streams, platform throughput ≥ 0.5× the baseline's and P95 added time-to-first-token &lt; 5 ms.
/// </summary>
internal sealed class StreamingScenario : IScenario
{
    /// <summary>Concurrency at which the goals are judged.</summary>
    public const int GoalConcurrency = 500;

    public string Name => "streaming";

    public string Summary => "POST /api/v1/chat/stream (50 tokens, SSE) through the platform vs bare Kestrel";

    public async Task<ScenarioReport> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var yieldBetweenTokens = !settings.SyncModel;
        var baselineProbe = settings.Profile ? new TurnProbe() : null;
        var platformProbe = settings.Profile ? new TurnProbe() : null;
        var orleansProbe = settings.Profile ? new OrleansProbe() : null;

        // 1. Both servers live in this process for the whole run; each phase loads one of them.
        Progress.Write("starting the baseline (bare Kestrel) and the platform (gateway + co-hosted silo + SQLite)");
        await using var baseline = await BaselineServer.StartAsync(yieldBetweenTokens, baselineProbe, cancellationToken);
        await using var platform = await PlatformServer.StartAsync(yieldBetweenTokens, platformProbe, orleansProbe, cancellationToken);

        // 2. Prove both answer with the benchmark model, the platform's grains included.
        await VerifyAsync("baseline", baseline.Endpoint, baseline.Model, cancellationToken);
        await VerifyAsync("platform", platform.Endpoint, platform.Model, cancellationToken);

        // 3. Phases: at each concurrency, the baseline and then the platform, with a warm-up each.
        var runId = Guid.NewGuid().ToString("N")[..8];
        var levels = new List<StreamingLevel>();
        foreach (var concurrency in settings.Concurrency)
        {
            var plan = new LoadPlan(concurrency, settings.WarmupFor(concurrency), settings.MeasureFor(concurrency));
            var b = await RunPhaseAsync("baseline", baseline.Endpoint, plan, $"{runId}b{concurrency}", settings, baselineProbe, null, cancellationToken);
            var p = await RunPhaseAsync("platform", platform.Endpoint, plan, $"{runId}p{concurrency}", settings, platformProbe, orleansProbe, cancellationToken);
            levels.Add(new StreamingLevel(concurrency, b.Result, p.Result, b.Stages, p.Stages, p.Orleans));
        }

        return StreamingReport.Build(settings, levels, platform.Model.Calls);
    }

    private static async Task<PhaseResult> RunPhaseAsync(
        string server, Uri endpoint, LoadPlan plan, string phaseId, BenchSettings settings, TurnProbe? probe, OrleansProbe? orleans,
        CancellationToken cancellationToken)
    {
        Progress.Write($"{server}: {plan.Concurrency} streams, warm-up {plan.Warmup.TotalSeconds:F0} s, measure {plan.Duration.TotalSeconds:F0} s");
        using var http = CreateHttpClient(plan.Concurrency);
        var client = new ChatStreamClient(http, endpoint);
        var stages = new ConcurrentBag<TurnStages>();
        var result = await LoadGenerator.RunAsync(plan, async (worker, ct) =>
        {
            // A client keeps a conversation for a few turns, then starts another: one turn at a time per conversation.
            var conversationId = $"bench-{phaseId}-{worker.Index}-{worker.Turn / settings.TurnsPerConversation}";
            var requestId = $"r-{phaseId}-{worker.Index}-{worker.Turn}";
            var sample = await client.RunTurnAsync(conversationId, requestId, TurnProbe.Question(requestId), worker.CountItem, null, ct);
            if (probe is not null && sample.Ok)
            {
                var (requestStarted, modelStarted) = probe.Take(requestId);
                stages.Add(new TurnStages(sample.Started, requestStarted, modelStarted, sample.FirstItem));
            }

            return sample;
        }, cancellationToken, windowOpening: () =>
        {
            orleans?.Calls.Reset();
            orleans?.Writes.Reset();
        });

        Progress.Write($"{server}: {result.Throughput:F0} turns/s, TTFT p95 {result.FirstItemMs.P95:F1} ms, {result.Failed} failed");
        var inWindow = stages.Where(s => s.ClientSent >= result.WindowStart && s.RequestStarted != 0 && s.ModelStarted != 0).ToList();
        return new PhaseResult(result, probe is null ? null : TurnStages.Summarize(inWindow), orleans is null ? null : OrleansSnapshot.Of(orleans, result.Completed));
    }

    private static async Task VerifyAsync(string server, Uri endpoint, FixedAnswerChatClient model, CancellationToken cancellationToken)
    {
        using var http = CreateHttpClient(1);
        var text = new StringBuilder();
        var callsBefore = model.Calls;
        var requestId = "verify-" + Guid.NewGuid().ToString("N");
        var sample = await new ChatStreamClient(http, endpoint)
            .RunTurnAsync("verify-" + server, requestId, TurnProbe.Question(requestId), null, text, cancellationToken);
        if (!sample.Ok || text.ToString() != FixedAnswer.Text || model.Calls != callsBefore + 1)
        {
            throw new InvalidOperationException(
                $"The {server} did not answer with the benchmark model ({sample.Error ?? "wrong text"}; model calls {model.Calls - callsBefore}): " +
                $"'{text.ToString()[..Math.Min(text.Length, 120)]}'");
        }

        Progress.Write($"{server}: verified, {FixedAnswer.TokenCount} tokens from the benchmark model in {sample.TotalMs:F1} ms");
    }

    private static HttpClient CreateHttpClient(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency + 16,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private sealed record PhaseResult(LoadResult Result, StageSummary? Stages, OrleansSnapshot? Orleans);
}

/// <summary>One concurrency level: the baseline and the platform under the same load.</summary>
internal sealed record StreamingLevel(
    int Concurrency, LoadResult Baseline, LoadResult Platform, StageSummary? BaselineStages, StageSummary? PlatformStages, OrleansSnapshot? Orleans)
{
    /// <summary>Platform throughput as a fraction of the baseline's.</summary>
    public double ThroughputRatio => Platform.Throughput / Baseline.Throughput;

    /// <summary>Platform TTFT minus baseline TTFT at each percentile, milliseconds.</summary>
    public Percentiles AddedTtft => Platform.FirstItemMs.Minus(Baseline.FirstItemMs);
}
