namespace Chatbot.Conversations;

/// <summary>State of a stored message.</summary>
[GenerateSerializer]
public enum MessageStatus
{
    /// <summary>The message is whole.</summary>
    Complete = 0,

    /// <summary>The answer stopped before it was finished (the model failed or timed out mid-stream).</summary>
    Incomplete = 1,
}

/// <summary>A message of a conversation's history.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.StoredMessage")]
public sealed record StoredMessage
{
    /// <summary><see cref="ChatRoles.User"/> or <see cref="ChatRoles.Assistant"/>.</summary>
    [Id(0)] public required string Role { get; init; }

    /// <summary>Message text.</summary>
    [Id(1)] public required string Content { get; init; }

    /// <summary>The request id of the turn the message belongs to.</summary>
    [Id(2)] public required string RequestId { get; init; }

    /// <summary>When the message was stored.</summary>
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether the message is whole.</summary>
    [Id(4)] public MessageStatus Status { get; init; }

    /// <summary>Sources the answer cited (assistant messages).</summary>
    [Id(5)] public IReadOnlyList<ChatReference>? References { get; init; }

    /// <summary>Token usage of the turn (assistant messages).</summary>
    [Id(6)] public TokenUsage? Usage { get; init; }

    /// <summary>Error code when the answer is incomplete.</summary>
    [Id(7)] public string? ErrorCode { get; init; }
}

/// <summary>A conversation with its full history, as returned by the API.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.ConversationSnapshot")]
public sealed record ConversationSnapshot
{
    /// <summary>Conversation id (without the tenant).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Title derived from the first user message.</summary>
    [Id(1)] public required string Title { get; init; }

    /// <summary>When the first turn started.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last turn finished.</summary>
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>All stored messages, oldest first.</summary>
    [Id(4)] public IReadOnlyList<StoredMessage> Messages { get; init; } = [];

    /// <summary>Request id of the turn in progress, if any.</summary>
    [Id(5)] public string? ActiveRequestId { get; init; }
}

/// <summary>One row of a tenant's conversation list.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.ConversationSummary")]
public sealed record ConversationSummary
{
    /// <summary>Conversation id (without the tenant).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Title derived from the first user message.</summary>
    [Id(1)] public required string Title { get; init; }

    /// <summary>When the conversation started.</summary>
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A page of a tenant's conversations, newest first.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.ConversationPage")]
public sealed record ConversationPage(
    [property: Id(0)] IReadOnlyList<ConversationSummary> Items,
    [property: Id(1)] int Total,
    [property: Id(2)] int Offset,
    [property: Id(3)] int Limit);
