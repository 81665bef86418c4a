namespace Chatbot.Conversations;

/// <summary>A chat message exchanged with the platform.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.ChatTurnMessage")]
public sealed record ChatTurnMessage(
    [property: Id(0)] string Role,
    [property: Id(1)] string Content);

/// <summary>Roles of chat messages, as on the wire.</summary>
public static class ChatRoles
{
    /// <summary>The end user.</summary>
    public const string User = "user";

    /// <summary>The platform's answer.</summary>
    public const string Assistant = "assistant";

    /// <summary>Instructions that frame the conversation.</summary>
    public const string System = "system";
}

/// <summary>A new user turn for a conversation.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.TurnRequest")]
public sealed record TurnRequest
{
    /// <summary>Idempotency key of the turn (the client's <c>X-Request-ID</c> or one the gateway generated).
    /// A second request with the same key never creates a second turn.</summary>
    [Id(0)] public required string RequestId { get; init; }

    /// <summary>The user's message.</summary>
    [Id(1)] public required string Content { get; init; }

    /// <summary>Sampling temperature passed to the model, when set.</summary>
    [Id(2)] public float? Temperature { get; init; }

    /// <summary>Number of passages to retrieve, when set.</summary>
    [Id(3)] public int? TopK { get; init; }

    /// <summary>Whether the caller asked for graph retrieval.</summary>
    [Id(4)] public bool UseGraphRag { get; init; }

    /// <summary>Whether the caller allows a cached answer.</summary>
    [Id(5)] public bool UseCache { get; init; }

    /// <summary>
    /// Messages the caller supplies as context instead of the stored history (the OpenAI-compatible endpoint sends
    /// the whole conversation every time). Null: use the conversation's stored history.
    /// </summary>
    [Id(6)] public IReadOnlyList<ChatTurnMessage>? ContextOverride { get; init; }

    /// <summary>System instructions supplied by the caller, prepended to the prompt.</summary>
    [Id(7)] public string? SystemPrompt { get; init; }

    /// <summary>Datasets to answer from; null: the tenant's <c>default</c> dataset.</summary>
    [Id(8)] public IReadOnlyList<string>? DatasetIds { get; init; }

    /// <summary>The user asking (JWT subject, or the anonymous user id); their long-term memory applies. Null: unknown.</summary>
    [Id(9)] public string? UserId { get; init; }
}

/// <summary>What <see cref="IConversationGrain.StartTurnAsync"/> did with a request.</summary>
[GenerateSerializer]
public enum TurnStartOutcome
{
    /// <summary>A new turn started; stream its events.</summary>
    Started = 0,

    /// <summary>A turn with this request id already exists (running or finished); stream its events instead.</summary>
    Existing = 1,

    /// <summary>Another turn is in progress on this conversation; nothing was stored.</summary>
    Busy = 2,
}

/// <summary>Answer of <see cref="IConversationGrain.StartTurnAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.TurnStart")]
public sealed record TurnStart(
    [property: Id(0)] TurnStartOutcome Outcome,
    [property: Id(1)] string RequestId);
