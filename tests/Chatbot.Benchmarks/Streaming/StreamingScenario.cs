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
        Progress.Write($"starting the baseline (bare Kestrel) and the platform (gateway + co-hosted silo, {settings.PlatformStorage} storage)");
        await using var baseline = await BaselineServer.StartAsync(yieldBetweenTokens, baselineProbe, cancellationToken);
        await using var platform = await PlatformServer.StartAsync(yieldBetweenTokens, settings.PlatformStorage, platformProbe, orleansProbe, cancellationToken);

        // 2. Prove both answer with the benchmark model, the platform's grains included.
        await VerifyAsync("baseline", baseline.Endpoint, baseline.Model, cancellationToken);
        await VerifyAsync("platform", platform.Endpoint, platform.Model, cancellationToken);

        // 3. At each concurrency, slices of baseline and platform alternate (B P B P …), so background load that
        //    drifts during the run falls on both; each server's slices are then combined.
        var runId = Guid.NewGuid().ToString("N")[..8];
        var levels = new List<StreamingLevel>();
        foreach (var concurrency in settings.Concurrency)
        {
            using var b = new StreamingPhase("baseline", baseline.Endpoint, $"{runId}b{concurrency}", concurrency, settings, baselineProbe, null);
            using var p = new StreamingPhase("platform", platform.Endpoint, $"{runId}p{concurrency}", concurrency, settings, platformProbe, orleansProbe);
            for (var slice = 0; slice < settings.Slices; slice++)
            {
                var plan = new LoadPlan(concurrency, settings.WarmupFor(concurrency, slice), settings.MeasureFor(concurrency) / settings.Slices);
                await b.RunSliceAsync(plan, cancellationToken);
                await p.RunSliceAsync(plan, cancellationToken);
            }

            levels.Add(new StreamingLevel(concurrency, b.Result, p.Result, b.Stages, p.Stages, p.Orleans));
        }

        return StreamingReport.Build(settings, levels, platform.Model.Calls);
    }

    private static async Task VerifyAsync(string server, Uri endpoint, FixedAnswerChatClient model, CancellationToken cancellationToken)
    {
        using var http = StreamingPhase.CreateHttpClient(1);
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
}

/// <summary>One concurrency level: the baseline and the platform under the same load.</summary>
internal sealed record StreamingLevel(
    int Concurrency, LoadResult Baseline, LoadResult Platform, StageSummary? BaselineStages, StageSummary? PlatformStages, OrleansSnapshot? Orleans)
{
    /// <summary>Platform throughput as a fraction of the baseline's.</summary>
    public double ThroughputRatio => Platform.Throughput / Baseline.Throughput;

    /// <summary>Baseline CPU per token over the platform's: the throughput ratio to expect where CPU is the limit and
    /// the machine is not shared (less sensitive to other processes than <see cref="ThroughputRatio"/>).</summary>
    public double CpuRatio => Baseline.CpuMicrosecondsPerItem / Platform.CpuMicrosecondsPerItem;

    /// <summary>Platform TTFT minus baseline TTFT at each percentile, milliseconds.</summary>
    public Percentiles AddedTtft => Platform.FirstItemMs.Minus(Baseline.FirstItemMs);
}
