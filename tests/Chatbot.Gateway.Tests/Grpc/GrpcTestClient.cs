using System.Text.Json;
using Chatbot.Conversations;
using Chatbot.Gateway.Http;
using Chatbot.Testing.Gateway;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Tests.Grpc;

/// <summary>gRPC helpers shared by the gateway's gRPC tests (the client is generated from the checked-in protos).</summary>
internal static class GrpcTestClient
{
    public static GrpcChannel Channel(GatewayHost host) => GrpcChannel.ForAddress(host.GrpcAddress);

    public static Metadata Token(string? token, string? tenantHeader = null)
    {
        var metadata = new Metadata();
        if (token is not null)
        {
            metadata.Add("authorization", $"Bearer {token}");
        }

        if (tenantHeader is not null)
        {
            metadata.Add("x-tenant-id", tenantHeader);
        }

        return metadata;
    }

    public static Wire.ChatRequest Turn(string? conversationId, string question, string? requestId = null, long lastSeq = 0)
    {
        var request = new Wire.ChatRequest { ConversationId = conversationId ?? "", RequestId = requestId ?? "", LastSeq = lastSeq };
        request.Messages.Add(new Wire.ChatMessage { Role = "user", Content = question });
        return request;
    }

    public static async Task<List<Wire.ChatEvent>> ReadAllAsync(AsyncServerStreamingCall<Wire.ChatEvent> call)
    {
        var events = new List<Wire.ChatEvent>();
        await foreach (var e in call.ResponseStream.ReadAllAsync(GatewayTestClient.Ct))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>
    /// A gRPC event decoded back into the platform's event and written as the SSE stream writes its <c>data</c>: equal
    /// strings mean the same kind, seq and payload, field for field.
    /// </summary>
    public static string SseData(Wire.ChatEvent e)
    {
        if (e.Usage is { } usage)
        {
            Assert.Equal(usage.InputTokens + usage.OutputTokens, usage.TotalTokens);
        }

        return JsonSerializer.Serialize(new ChatEvent
        {
            Type = e.Type,
            Seq = e.Seq,
            Content = e.HasContent ? e.Content : null,
            References = e.Type == ChatEventTypes.Refs
                ? [.. e.References.Select(r => new ChatReference
                {
                    Index = r.Index,
                    DocumentId = r.DocumentId,
                    ChunkId = r.ChunkId,
                    Title = r.HasTitle ? r.Title : null,
                    Snippet = r.Snippet,
                    Score = r.Score,
                    DatasetId = r.HasDatasetId ? r.DatasetId : null,
                })]
                : null,
            Usage = e.Usage is { } u ? new TokenUsage { InputTokens = u.InputTokens, OutputTokens = u.OutputTokens } : null,
            Code = e.HasCode ? e.Code : null,
            Message = e.HasMessage ? e.Message : null,
        }, GatewayJson.Events);
    }

    /// <summary>Runs <paramref name="call"/> and asserts it fails with <paramref name="code"/> (naming <paramref name="field"/>).</summary>
    public static async Task<RpcException> AssertFailsAsync(StatusCode code, Func<Task> call, string? field = null)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        if (field is not null)
        {
            Assert.Equal(field, error.Trailers.GetValue("field"));
        }

        return error;
    }

    /// <summary>Reads a server stream to its end (for calls expected to fail).</summary>
    public static async Task DrainAsync(AsyncServerStreamingCall<Wire.ChatEvent> call)
    {
        using (call)
        {
            await ReadAllAsync(call);
        }
    }
}
