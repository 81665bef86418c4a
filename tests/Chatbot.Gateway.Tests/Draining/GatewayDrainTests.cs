using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Gateway.Tests.Grpc;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Http;
using Chatbot.Testing.Models;
using Grpc.Core;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Tests.Draining;

/// <summary>A gateway that is stopping drains: unready first, open streams told to reconnect, new requests refused.</summary>
public sealed class GatewayDrainTests
{
    [Fact]
    public async Task Stop_WhileAnAnswerStreams_StreamEndsWithReconnectHintReadinessFailsAndNewTurnsGet503()
    {
        var model = new ScriptedChatClient();
        var answer = model.Script("drain me", ScriptedAnswer.Words("first then the rest", pauseAfter: 1));
        var host = await GatewayHost.StartAsync(
            new Dictionary<string, string> { ["Chatbot:Gateway:DrainDelaySeconds"] = "6", ["Chatbot:Gateway:DrainRetryMilliseconds"] = "1500" },
            model, cancellationToken: Ct);
        Task? stopping = null;
        try
        {
            // 1. An answer is mid-stream: its first piece arrived, the model holds the rest.
            using var response = await host.Client.SendAsync(ChatRequest("drain-1", "drain me"), HttpCompletionOption.ResponseHeadersRead, Ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
            var first = await ReadEventAsync(reader);
            Assert.Contains("\"type\":\"delta\"", first, StringComparison.Ordinal);

            // 2. The host begins stopping (as on SIGTERM); it drains for DrainDelaySeconds before it closes.
            stopping = host.DisposeAsync().AsTask();
            var last = await ReadEventAsync(reader).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var rest = await reader.ReadToEndAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

            Assert.Contains("event: reconnect", last, StringComparison.Ordinal);
            Assert.Contains("retry: 1500", last, StringComparison.Ordinal);
            Assert.DoesNotContain("id:", last, StringComparison.Ordinal);
            Assert.Equal("", rest.Trim());

            // 3. While draining: unready, and new API requests are refused with a retry hint.
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            using var ready = await http.GetAsync(new Uri("readyz", UriKind.Relative), Ct);
            using var refused = await http.SendAsync(ChatRequest("drain-2", "another question"), Ct);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("draining", problem.GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        }
        finally
        {
            answer.Release.TrySetResult();
            await (stopping ?? host.DisposeAsync().AsTask());
        }
    }

    [Fact]
    public async Task Stop_WhileAGrpcStreamRuns_StreamEndsWithReconnectEventAndNewCallsGetUnavailable()
    {
        var model = new ScriptedChatClient();
        var answer = model.Script("drain grpc", ScriptedAnswer.Words("first then the rest", pauseAfter: 1));
        var host = await GatewayHost.StartAsync(
            new Dictionary<string, string> { ["Chatbot:Gateway:DrainDelaySeconds"] = "6", ["Chatbot:Gateway:DrainRetryMilliseconds"] = "1500" },
            model, cancellationToken: Ct);
        using var channel = GrpcTestClient.Channel(host);
        var chat = new Wire.ChatService.ChatServiceClient(channel);
        Task? stopping = null;
        try
        {
            // 1. An answer is mid-stream over gRPC: its first piece arrived, the model holds the rest.
            using var call = chat.StreamChat(GrpcTestClient.Turn("drain-grpc-1", "drain grpc"), cancellationToken: Ct);
            Assert.True(await call.ResponseStream.MoveNext(Ct));
            Assert.Equal("delta", call.ResponseStream.Current.Type);

            // 2. The host begins stopping: the stream ends with the SSE stream's reconnect event, and nothing after it.
            stopping = host.DisposeAsync().AsTask();
            var rest = await GrpcTestClient.ReadAllAsync(call).WaitAsync(TimeSpan.FromSeconds(30), Ct);

            var reconnect = Assert.Single(rest);
            Assert.Equal("reconnect", reconnect.Type);
            Assert.Equal(1500, reconnect.RetryMs);
            Assert.Equal(0, reconnect.Seq);

            // 3. While draining, a new call is refused as UNAVAILABLE (which gRPC clients retry, elsewhere).
            await GrpcTestClient.AssertFailsAsync(StatusCode.Unavailable,
                () => GrpcTestClient.DrainAsync(chat.StreamChat(GrpcTestClient.Turn("drain-grpc-2", "another question"), cancellationToken: Ct)));
        }
        finally
        {
            answer.Release.TrySetResult();
            await (stopping ?? host.DisposeAsync().AsTask());
        }
    }

    // Reads one SSE event block (up to its blank line), raw.
    private static async Task<string> ReadEventAsync(StreamReader reader)
    {
        var block = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.Length == 0 && block.Length > 0)
            {
                break;
            }

            block.AppendLine(line);
        }

        return block.ToString();
    }
}
