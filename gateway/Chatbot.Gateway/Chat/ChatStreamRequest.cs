namespace Chatbot.Gateway.Chat;

/// <summary>Body of <c>POST /api/v1/chat/stream</c> (field names as in the specification, snake_case on the wire).</summary>
public sealed record ChatStreamRequest
{
    /// <summary>Conversation to continue or create; generated when absent (returned in <c>X-Conversation-ID</c>).</summary>
    public string? ConversationId { get; init; }

    /// <summary>The last <c>user</c> message is the new turn; the history is the conversation's own.</summary>
    public List<ChatMessageDto>? Messages { get; init; }

    /// <summary>SSE when true (default); one JSON body when false.</summary>
    public bool? Stream { get; init; }

    /// <summary>Sampling temperature, 0–2.</summary>
    public float? Temperature { get; init; }

    /// <summary>Passages to retrieve, 1–100.</summary>
    public int? TopK { get; init; }

    /// <summary>Use graph retrieval.</summary>
    public bool? UseGraphRag { get; init; }

    /// <summary>Allow a cached answer.</summary>
    public bool? UseCache { get; init; }

    /// <summary>Knowledge bases to answer from; the tenant's <c>default</c> dataset when absent.</summary>
    public List<string>? DatasetIds { get; init; }
}

/// <summary>A message in a request body.</summary>
public sealed record ChatMessageDto
{
    /// <summary><c>user</c>, <c>assistant</c> or <c>system</c>.</summary>
    public string? Role { get; init; }

    /// <summary>Message text.</summary>
    public string? Content { get; init; }
}
