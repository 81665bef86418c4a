using System.Collections.Concurrent;
using System.Net;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Profiling;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>
/// The load on one server at one concurrency, run as several slices (interleaved by the caller with the other server's)
/// over one connection pool. Each client (worker) keeps its conversation across slices and moves to a new one every
/// <see cref="BenchSettings.TurnsPerConversation"/> turns, so new conversations are a steady fraction of the turns
/// rather than a burst at the start of each slice.
/// </summary>
internal sealed class StreamingPhase(
    string server, Uri endpoint, string phaseId, int concurrency, BenchSettings settings, TurnProbe? probe, OrleansProbe? orleans)
    : IDisposable
{
    private readonly HttpClient _http = CreateHttpClient(concurrency);
    private readonly long[] _turns = new long[concurrency];
    private readonly List<LoadResult> _slices = [];
    private readonly List<TurnStages> _stages = [];
    private OrleansSnapshot? _orleans;

    /// <summary>All slices so far as one result.</summary>
    public LoadResult Result => LoadResult.Combine(_slices);

    /// <summary>TTFT by stage over all slices (<c>--profile</c>), else null.</summary>
    public StageSummary? Stages => probe is null ? null : TurnStages.Summarize(_stages);

    /// <summary>Silo work per turn in the last slice (<c>--profile</c>, platform), else null.</summary>
    public OrleansSnapshot? Orleans => _orleans;

    /// <summary>Runs one more slice of <paramref name="plan"/>.</summary>
    public async Task RunSliceAsync(LoadPlan plan, CancellationToken cancellationToken)
    {
        var sliceId = $"{phaseId}s{_slices.Count}";
        Progress.Write($"{server}: {plan.Concurrency} streams, warm-up {plan.Warmup.TotalSeconds:F0} s, measure {plan.Duration.TotalSeconds:F1} s");
        var client = new ChatStreamClient(_http, endpoint);
        var stages = new ConcurrentBag<TurnStages>();
        var result = await LoadGenerator.RunAsync(plan, async (worker, ct) =>
        {
            // A client keeps a conversation for a few turns, then starts another: one turn at a time per conversation.
            var turn = _turns[worker.Index]++;
            var conversationId = $"bench-{phaseId}-{worker.Index}-{turn / settings.TurnsPerConversation}";
            var requestId = $"r-{sliceId}-{worker.Index}-{worker.Turn}";
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

        _slices.Add(result);
        _stages.AddRange(stages.Where(s => s.ClientSent >= result.WindowStart && s.RequestStarted != 0 && s.ModelStarted != 0));
        _orleans = orleans is null ? null : OrleansSnapshot.Of(orleans, result.Completed);
        Progress.Write($"{server}: {result.Throughput:F0} turns/s, TTFT p95 {result.FirstItemMs.P95:F1} ms, " +
            $"{result.CpuMicrosecondsPerItem:F1} µs CPU/token, {result.Failed} failed");
    }

    public void Dispose() => _http.Dispose();

    /// <summary>An HTTP/1.1 client with a connection per stream.</summary>
    public static HttpClient CreateHttpClient(int concurrency) => new(new SocketsHttpHandler
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
}
