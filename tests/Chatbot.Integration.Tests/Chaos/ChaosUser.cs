using System.Net.Http.Json;
using System.Text;
using Chatbot.Testing.Http;

namespace Chatbot.Integration.Tests.Chaos;

/// <summary>
/// One user of the chaos test: asks question after question in one conversation, each with its own request id. A turn
/// whose stream breaks (silo or gateway killed, cluster briefly unavailable) is retried with the same request id and
/// <c>Last-Event-ID</c> through the next gateway, as a real SSE client reconnects; the answer is assembled from the
/// deltas received exactly once each. A turn counts as acknowledged when its <c>done</c> arrives.
/// </summary>
internal sealed class ChaosUser(string conversationId, GatewayPool gateways)
{
    private static readonly TimeSpan s_turnDeadline = TimeSpan.FromSeconds(90);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _completed;

    public string ConversationId => conversationId;

    /// <summary>Acknowledged turns in order: the question and the answer text as the client assembled it.</summary>
    public List<(string Question, string Answer)> Acknowledged { get; } = [];

    /// <summary>Terminal <c>error</c> events received (each followed by a fresh attempt), for the report.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Attempts that failed and were retried, for the report.</summary>
    public int Retries { get; private set; }

    /// <summary>Turns completed so far (read from other threads).</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Asks until <paramref name="stop"/> is cancelled, finishing the turn in progress.</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        for (var turn = 1; !stop.IsCancellationRequested; turn++)
        {
            var question = $"{conversationId} question {turn}";
            var answer = await AskUntilDoneAsync(question, $"{conversationId}-t{turn}", abort);
            Acknowledged.Add((question, answer));
            Interlocked.Increment(ref _completed);
        }
    }

    private async Task<string> AskUntilDoneAsync(string question, string requestId, CancellationToken abort)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(abort);
        deadline.CancelAfter(s_turnDeadline);
        var deltas = new SortedDictionary<long, string>();
        var lastSeq = 0L;
        var failures = new List<string>();
        while (true)
        {
            var gateway = gateways.Next();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "api/v1/chat/stream"))
                {
                    Content = JsonContent.Create(new { conversation_id = conversationId, messages = new[] { new { role = "user", content = question } } }),
                };
                request.Headers.Add("X-Request-ID", requestId);
                if (lastSeq > 0)
                {
                    request.Headers.Add("Last-Event-ID", lastSeq.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    await foreach (var e in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(deadline.Token), deadline.Token))
                    {
                        if (e.Seq <= lastSeq)
                        {
                            throw new InvalidOperationException($"{requestId}: event {e.Seq} received twice (after {lastSeq}).");
                        }

                        lastSeq = e.Seq;
                        switch (e.Type)
                        {
                            case "delta":
                                deltas[e.Seq] = e.Json.GetProperty("content").GetString()!;
                                break;
                            case "done":
                                return string.Concat(deltas.Values);
                            case "error":
                                // That answer is over; asking again with the same request id gets either the same
                                // stored failure or a new answer, which starts from its first event.
                                failures.Add("error event: " + e.Data);
                                lock (Errors)
                                {
                                    Errors.Add($"{requestId}: {e.Data}");
                                }

                                deltas.Clear();
                                lastSeq = 0;
                                break;
                        }
                    }

                    failures.Add($"stream from {gateway.Port} ended before done");
                }
                else
                {
                    failures.Add($"{(int)response.StatusCode} from {gateway.Port}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !deadline.IsCancellationRequested))
            {
                failures.Add($"{ex.GetType().Name} from {gateway.Port}: {ex.Message}");
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !abort.IsCancellationRequested)
            {
                throw new TimeoutException($"{requestId} did not complete within {s_turnDeadline}: {string.Join(" | ", failures.TakeLast(10))}");
            }

            Retries++;
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }

    public static string Describe(IEnumerable<(string Question, string Answer)> turns)
    {
        var text = new StringBuilder();
        foreach (var (question, _) in turns)
        {
            text.Append(question).Append("; ");
        }

        return text.ToString();
    }
}
