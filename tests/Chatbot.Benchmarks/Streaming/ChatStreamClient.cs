using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Chatbot.Benchmarks.Load;
using Chatbot.Gateway.Chat;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>
/// Sends <c>POST /api/v1/chat/stream</c> and reads the SSE answer incrementally (<see cref="SseParser"/>), stamping
/// the first delta and the terminal event. A turn succeeds when it has gap-free sequence numbers, ends with
/// <c>done</c>, and has exactly <paramref name="expectedTokens"/> deltas (at least one when that is null: a deployment's
/// own model). With <paramref name="gaps"/>, the time between consecutive deltas is recorded.
/// </summary>
internal sealed class ChatStreamClient(HttpClient http, Uri endpoint, int? expectedTokens = FixedAnswer.TokenCount, TokenGaps? gaps = null)
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    /// <summary>Runs one turn; <paramref name="onToken"/> is called as each delta arrives.</summary>
    public async Task<TurnSample> RunTurnAsync(
        string conversationId, string requestId, string question, Action? onToken, StringBuilder? text, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Body(conversationId, question) };
        request.Headers.Add("X-Request-ID", requestId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            return TurnSample.Failed(started, $"HTTP {(int)response.StatusCode}: {problem[..Math.Min(problem.Length, 200)]}");
        }

        // 1. Read events as they arrive; the parser works on the bytes, the payload is read with Utf8JsonReader.
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        long firstToken = 0;
        long lastToken = 0;
        List<double>? turnGaps = gaps is null ? null : [];
        long done = 0;
        var deltas = 0;
        var lastSeq = 0L;
        await foreach (var item in SseParser.Create(body, (_, data) => StreamEvent.Parse(data)).EnumerateAsync(cancellationToken))
        {
            var e = item.Data;
            if (done != 0)
            {
                return TurnSample.Failed(started, $"'{e.Type}' after 'done'");
            }

            if (e.Seq != lastSeq + 1)
            {
                return TurnSample.Failed(started, $"seq {e.Seq} after {lastSeq}");
            }

            lastSeq = e.Seq;
            switch (e.Type)
            {
                case "delta":
                    var now = Stopwatch.GetTimestamp();
                    if (deltas++ == 0)
                    {
                        firstToken = now;
                    }
                    else
                    {
                        turnGaps?.Add(Stopwatch.GetElapsedTime(lastToken, now).TotalMilliseconds);
                    }

                    lastToken = now;

                    onToken?.Invoke();
                    text?.Append(e.Content);
                    break;
                case "done":
                    // 2. The turn is complete at its terminal event; the body is still read to its end so that the
                    //    connection goes back to the pool, as a well-behaved client's would.
                    done = Stopwatch.GetTimestamp();
                    break;
                case "error":
                    return TurnSample.Failed(started, $"error event: {e.Content}");
            }
        }

        if (done != 0)
        {
            if (deltas == 0 || (expectedTokens is { } expected && deltas != expected))
            {
                return TurnSample.Failed(started, $"{deltas} deltas instead of {expectedTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "at least one"}");
            }

            gaps?.Add(started, turnGaps!);
            return new TurnSample(started, firstToken, done, deltas, null);
        }

        return TurnSample.Failed(started, $"stream ended after {deltas} deltas without 'done'");
    }

    internal static ByteArrayContent Body(string conversationId, string question)
    {
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new ChatStreamRequest
        {
            ConversationId = conversationId,
            Messages = [new ChatMessageDto { Role = "user", Content = question }],
            Stream = true,
        }, StreamingJson.Api));
        body.Headers.ContentType = s_json;
        return body;
    }

    /// <summary>The fields of an event the client checks: type, seq, and the delta text (or the error code).</summary>
    internal readonly record struct StreamEvent(string? Type, long Seq, string? Content)
    {
        public static StreamEvent Parse(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json);
            string? type = null;
            string? content = null;
            long seq = 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.GetString();
                }
                else if (reader.ValueTextEquals("seq"u8))
                {
                    reader.Read();
                    seq = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("content"u8) || reader.ValueTextEquals("code"u8))
                {
                    reader.Read();
                    content = reader.GetString();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return new StreamEvent(type, seq, content);
        }
    }
}
