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

/// <summary>
/// A finished turn, kept compactly for retries and resuming: the answer pieces as streamed, the references and the
/// terminal event. <see cref="ToEvents"/> rebuilds the exact event sequence the turn produced.
/// </summary>
[GenerateSerializer, Immutable, Alias("chatbot.TurnRecord")]
public sealed record TurnRecord
{
    /// <summary>Idempotency key of the turn.</summary>
    [Id(0)] public required string RequestId { get; init; }

    /// <summary>The answer pieces in order (one per <c>delta</c> event).</summary>
    [Id(2)] public IReadOnlyList<string> Deltas { get; init; } = [];

    /// <summary>References of a completed turn; null for a failed one (no <c>refs</c> event).</summary>
    [Id(3)] public IReadOnlyList<ChatReference>? References { get; init; }

    /// <summary>The <c>done</c> or <c>error</c> event.</summary>
    [Id(4)] public required ChatEvent Terminal { get; init; }

    /// <summary>The turn's events, numbered from 1: deltas, then refs (completed turns), then the terminal event.</summary>
    public IReadOnlyList<ChatEvent> ToEvents()
    {
        var events = new List<ChatEvent>(Deltas.Count + 2);
        foreach (var delta in Deltas)
        {
            events.Add(new ChatEvent { Type = ChatEventTypes.Delta, Seq = events.Count + 1, Content = delta });
        }

        if (References is not null)
        {
            events.Add(new ChatEvent { Type = ChatEventTypes.Refs, Seq = events.Count + 1, References = References });
        }

        events.Add(Terminal with { Seq = events.Count + 1 });
        return events;
    }
}
