using Chatbot.Conversations;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Chat;

/// <summary>Maps between the gRPC chat messages and the types the SSE endpoint and the grains use.</summary>
internal static class ChatGrpcWire
{
    /// <summary>The request as the HTTP endpoint would have read it, so both are validated by the same code.</summary>
    public static ChatStreamRequest ToRequest(Wire.ChatRequest request) => new()
    {
        ConversationId = request.ConversationId.Length == 0 ? null : request.ConversationId,
        Messages = [.. request.Messages.Select(m => new ChatMessageDto { Role = m.Role, Content = m.Content })],
        Stream = true,
        Temperature = request.HasTemperature ? request.Temperature : null,
        TopK = request.HasTopK ? request.TopK : null,
        UseGraphRag = request.UseGraphRag,
        UseCache = request.UseCache,
        DatasetIds = request.DatasetIds.Count > 0 ? [.. request.DatasetIds] : null,
    };

    /// <summary>An item of a relayed turn as a gRPC event: the fields the SSE event's JSON has.</summary>
    public static Wire.ChatEvent ToWire(TurnStreamItem item)
    {
        if (item.Event is not { } e)
        {
            return new Wire.ChatEvent { Type = TurnStreams.ReconnectEventType, RetryMs = (long)item.RetryHint.TotalMilliseconds };
        }

        var wire = new Wire.ChatEvent { Type = e.Type, Seq = e.Seq };
        if (e.Content is not null)
        {
            wire.Content = e.Content;
        }

        if (e.References is not null)
        {
            wire.References.AddRange(e.References.Select(ToWire));
        }

        if (e.Usage is not null)
        {
            wire.Usage = ToWire(e.Usage);
        }

        if (e.Code is not null)
        {
            wire.Code = e.Code;
        }

        if (e.Message is not null)
        {
            wire.Message = e.Message;
        }

        return wire;
    }

    /// <summary>A cited source.</summary>
    public static Wire.ChatReference ToWire(ChatReference reference)
    {
        var wire = new Wire.ChatReference
        {
            Index = reference.Index,
            DocumentId = reference.DocumentId,
            ChunkId = reference.ChunkId,
            Snippet = reference.Snippet,
            Score = reference.Score,
        };
        if (reference.Title is not null)
        {
            wire.Title = reference.Title;
        }

        if (reference.DatasetId is not null)
        {
            wire.DatasetId = reference.DatasetId;
        }

        return wire;
    }

    /// <summary>Token counts.</summary>
    public static Wire.TokenUsage ToWire(TokenUsage usage) =>
        new() { InputTokens = usage.InputTokens, OutputTokens = usage.OutputTokens, TotalTokens = usage.TotalTokens };
}
