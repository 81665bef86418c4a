using System.Diagnostics;
using System.Net.ServerSentEvents;
using Chatbot.Benchmarks.Streaming;
using Chatbot.Testing.FakeOpenAI;

namespace Chatbot.Benchmarks.LoadTool;

/// <summary>
/// Holds many idle SSE connections open on one gateway and reports the server's memory per connection. A few turns
/// (<see cref="BenchSettings.HeldTurns"/>) are started with <c>POST /api/v1/chat/stream</c>; on the local instance their
/// model sends two tokens and then holds the rest. Every other connection follows one of those turns with
/// <c>GET /api/v1/conversations/{id}/stream?request_id=…</c>, as a second tab or device of the same user would. Once all
/// have received their first event the server's memory is read (after a settling pause), the model is released, and
/// every connection must then receive the rest of its answer and <c>done</c>.
/// </summary>
internal static class IdlePhase
{
    private const int MaxConcurrentOpens = 200;
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_finishTimeout = TimeSpan.FromMinutes(3);

    public static async Task<IdleResult> RunAsync(LoadTarget target, int connections, int heldTurns, CancellationToken cancellationToken)
    {
        heldTurns = Math.Min(heldTurns, connections);
        using var http = target.CreateClient(connections + 16, Timeout.InfiniteTimeSpan);
        using var metrics = target.CreateClient(4, TimeSpan.FromSeconds(30));
        var gate = new FakeGate();
        var previousReply = target.Model?.DefaultReply;
        if (target.Model is { } model)
        {
            // Two pieces: the answer guard releases whole words, so the first word goes out once the second arrives.
            model.DefaultReply = FakeReply.Text([.. FixedAnswer.Pieces]).StallingAfter(2, gate);
        }

        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streams = new List<IdleStream>(connections);
        try
        {
            // 1. The server's memory before any idle connection.
            await Task.Delay(s_settle, cancellationToken);
            var before = await ServerMemory.ReadAsync(metrics, cancellationToken);
            var run = Guid.NewGuid().ToString("N")[..8];
            var opening = Stopwatch.GetTimestamp();

            // 2. The held turns, then the followers, at most MaxConcurrentOpens connecting at a time.
            using var opens = new SemaphoreSlim(MaxConcurrentOpens);
            for (var i = 0; i < connections; i++)
            {
                await opens.WaitAsync(cancellationToken);
                var turn = i % heldTurns;
                var request = i < heldTurns
                    ? new HttpRequestMessage(HttpMethod.Post, "api/v1/chat/stream")
                    {
                        Content = ChatStreamClient.Body($"idle-{run}-{turn}", "When is the support desk open?"),
                        Headers = { { "X-Request-ID", $"idle-{run}-{turn}" } },
                    }
                    : new HttpRequestMessage(HttpMethod.Get, $"api/v1/conversations/idle-{run}-{turn}/stream?request_id=idle-{run}-{turn}");
                var stream = new IdleStream(request);
                streams.Add(stream);
                stream.Run = stream.RunAsync(http, opens, abort.Token);

                // A follower can only attach once its turn is running.
                if (i == heldTurns - 1)
                {
                    await Task.WhenAll(streams.Select(s => s.FirstEvent));
                }
            }

            await Task.WhenAll(streams.Select(s => s.FirstEvent));
            var openSeconds = Stopwatch.GetElapsedTime(opening).TotalSeconds;
            var failedToOpen = streams.Count(s => s.Error is not null);
            Progress.Write($"idle: {connections - failedToOpen} of {connections} connections open in {openSeconds:F1} s");

            // 3. Memory with everything open and quiet.
            await Task.Delay(s_settle, cancellationToken);
            var openNow = streams.Count(s => !s.Run!.IsCompleted);
            var after = await ServerMemory.ReadAsync(metrics, cancellationToken);

            // 4. Release the model: every connection gets the rest of its answer.
            var released = Stopwatch.GetTimestamp();
            gate.Release();
            abort.CancelAfter(s_finishTimeout);
            await Task.WhenAll(streams.Select(s => s.Run!));
            var finishSeconds = Stopwatch.GetElapsedTime(released).TotalSeconds;
            var completed = streams.Count(s => s.Error is null && s.Done);
            var errors = streams.Where(s => s.Error is not null).Select(s => s.Error!).Distinct().Take(5).ToList();
            return new IdleResult(connections, heldTurns, openNow, completed, connections - completed, openSeconds, finishSeconds, before, after, errors);
        }
        finally
        {
            gate.Release();
            if (target.Model is { } m && previousReply is not null)
            {
                m.DefaultReply = previousReply;
            }

            await abort.CancelAsync();
            await Task.WhenAll(streams.Where(s => s.Run is not null).Select(s => s.Run!));
        }
    }

    /// <summary>One idle connection: open, first event, then read to the end.</summary>
    private sealed class IdleStream(HttpRequestMessage request)
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task? Run { get; set; }

        public Task FirstEvent => _first.Task;

        public bool Done { get; private set; }

        public string? Error { get; private set; }

        public async Task RunAsync(HttpClient http, SemaphoreSlim opens, CancellationToken cancellationToken)
        {
            var holding = true;
            try
            {
                using (request)
                using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        Error = $"HTTP {(int)response.StatusCode}";
                        return;
                    }

                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    await foreach (var item in SseParser.Create(body, (_, data) => ChatStreamClient.StreamEvent.Parse(data)).EnumerateAsync(cancellationToken))
                    {
                        if (holding)
                        {
                            holding = false;
                            opens.Release();
                            _first.TrySetResult();
                        }

                        switch (item.Data.Type)
                        {
                            case "done":
                                Done = true;
                                break;
                            case "error":
                                Error = $"error event: {item.Data.Content}";
                                break;
                        }
                    }

                    if (!Done && Error is null)
                    {
                        Error = "stream ended without 'done'";
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                Error = $"{ex.GetType().Name}: {ex.Message}";
            }
            finally
            {
                if (holding)
                {
                    opens.Release();
                    _first.TrySetResult();
                }
            }
        }
    }
}

/// <summary>What an idle phase saw: <see cref="IdlePhase"/> (SSE connections) or <see cref="IdleVoicePhase"/> (voice sessions).</summary>
/// <param name="Connections">Connections (sessions) opened.</param>
/// <param name="HeldTurns">Running turns they followed (0 for voice sessions).</param>
/// <param name="OpenAtMeasurement">Connections still open when the memory was read.</param>
/// <param name="Completed">Connections that received <c>done</c> after the release (voice: closed normally after <c>stop</c>).</param>
/// <param name="Failed">Connections that failed or did not complete.</param>
/// <param name="OpenSeconds">Time to open all of them.</param>
/// <param name="FinishSeconds">Time from the model's release (voice: the <c>stop</c>s) to the last connection's end.</param>
/// <param name="Before">Server memory before the first connection.</param>
/// <param name="After">Server memory with every connection open.</param>
/// <param name="Errors">Distinct errors (a few).</param>
internal sealed record IdleResult(
    int Connections,
    int HeldTurns,
    int OpenAtMeasurement,
    int Completed,
    int Failed,
    double OpenSeconds,
    double FinishSeconds,
    ServerMemory Before,
    ServerMemory After,
    IReadOnlyList<string> Errors)
{
    public (double? WorkingSet, double? GcHeap) PerConnection => After.PerConnection(Before, OpenAtMeasurement);
}
