namespace Chatbot.Conversations;

/// <summary>Persistent state of a <see cref="IConversationGrain"/>.</summary>
[GenerateSerializer, Alias("chatbot.ConversationState")]
public sealed class ConversationState
{
    /// <summary>Title derived from the first user message.</summary>
    [Id(0)] public string Title { get; set; } = "";

    /// <summary>When the first turn was stored.</summary>
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last turn was stored.</summary>
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Full history, oldest first.</summary>
    [Id(3)] public List<StoredMessage> Messages { get; set; } = [];

    /// <summary>The most recent turns (bounded by the idempotency window), with their events for resuming.</summary>
    [Id(4)] public List<TurnRecord> Turns { get; set; } = [];
}

/// <summary>A finished turn: its request id and the events it produced.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.TurnRecord")]
public sealed record TurnRecord(
    [property: Id(0)] string RequestId,
    [property: Id(1)] IReadOnlyList<ChatEvent> Events);
