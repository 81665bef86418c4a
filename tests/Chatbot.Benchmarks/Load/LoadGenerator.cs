using System.Diagnostics;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// Runs a closed-loop <see cref="LoadPlan"/>: every worker sends one request after another without pause. Requests
/// that start inside the measured window are summarized; throughput counts requests that end inside it; items are
/// counted as they arrive (<see cref="LoadWorker.CountItem"/>), so the CPU time of the window divides by exactly the
/// items delivered in it.
/// </summary>
public static class LoadGenerator
{
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="plan"/>, calling <paramref name="request"/> for each request and
    /// <paramref name="windowOpening"/> (e.g. to reset server-side counters) just before the window opens.</summary>
    public static async Task<LoadResult> RunAsync(
        LoadPlan plan,
        Func<LoadWorker, CancellationToken, Task<TurnSample>> request,
        CancellationToken cancellationToken,
        Action? windowOpening = null)
    {
        plan.Validate();
        var run = new Run();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, plan.Concurrency)
            .Select(i => Task.Run(() => WorkAsync(new LoadWorker(i, run), run, request, abort.Token), CancellationToken.None))
            .ToArray();

        // 1. Warm up (connections, JIT, activations), then open the window.
        await Task.Delay(plan.Warmup, cancellationToken);
        windowOpening?.Invoke();
        var before = Snapshot.Take(run);
        Volatile.Write(ref run.WindowStart, before.Timestamp);

        // 2. Measure, close the window, let the requests in flight finish.
        await Task.Delay(plan.Duration, cancellationToken);
        var after = Snapshot.Take(run);
        run.Stopping = true;
        abort.CancelAfter(s_drainTimeout);
        var samples = (await Task.WhenAll(workers)).SelectMany(s => s).ToList();

        // 3. Summarize: latency of requests started in the window, throughput of requests ended in it.
        var started = samples.Where(s => s.Started >= before.Timestamp && s.Started < after.Timestamp).ToList();
        var ok = started.Where(s => s.Ok).ToList();
        var completed = samples.LongCount(s => s.Ok && s.Ended >= before.Timestamp && s.Ended < after.Timestamp);
        return new LoadResult(
            plan,
            before.Timestamp,
            Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp).TotalSeconds,
            completed,
            started.LongCount(s => !s.Ok),
            after.Items - before.Items,
            [.. ok.Select(s => s.FirstItemMs)],
            [.. ok.Select(s => s.TotalMs)],
            after.Cpu - before.Cpu,
            after.Allocated - before.Allocated,
            after.Gen0 - before.Gen0,
            after.Gen2 - before.Gen2,
            [.. started.Where(s => !s.Ok).Select(s => s.Error!).Distinct().Take(5)]);
    }

    private static async Task<List<TurnSample>> WorkAsync(
        LoadWorker worker, Run run, Func<LoadWorker, CancellationToken, Task<TurnSample>> request, CancellationToken cancellationToken)
    {
        var samples = new List<TurnSample>();
        while (!run.Stopping && !cancellationToken.IsCancellationRequested)
        {
            TurnSample sample;
            var started = Stopwatch.GetTimestamp();
            try
            {
                sample = await request(worker, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                sample = TurnSample.Failed(started, $"{ex.GetType().Name}: {ex.Message}");
            }

            // Warm-up requests are not kept: only those that started after the window opened.
            if (sample.Started >= Volatile.Read(ref run.WindowStart))
            {
                samples.Add(sample);
            }

            worker.Turn++;
        }

        return samples;
    }

    internal sealed class Run
    {
        public long Items;
        public long WindowStart = long.MaxValue;
        public volatile bool Stopping;
    }

    private readonly record struct Snapshot(long Timestamp, long Items, TimeSpan Cpu, long Allocated, int Gen0, int Gen2)
    {
        public static Snapshot Take(Run run) => new(
            Stopwatch.GetTimestamp(),
            Interlocked.Read(ref run.Items),
            Environment.CpuUsage.TotalTime,
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(2));
    }
}

/// <summary>One worker of a load run: its index, how many requests it has sent, and the shared item counter.</summary>
public sealed class LoadWorker
{
    private readonly LoadGenerator.Run _run;

    internal LoadWorker(int index, LoadGenerator.Run run)
    {
        Index = index;
        _run = run;
    }

    /// <summary>0-based worker index, stable for the run.</summary>
    public int Index { get; }

    /// <summary>Requests this worker has sent before the current one.</summary>
    public long Turn { get; internal set; }

    /// <summary>Counts one item (token) delivered to the client.</summary>
    public void CountItem() => Interlocked.Increment(ref _run.Items);
}
