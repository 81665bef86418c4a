using Chatbot.Conversations;

namespace Chatbot.AI.Conversations;

/// <summary>
/// The events of one turn as they are produced, numbered from 1, readable by any number of readers from any position
/// while the turn is still running. Thread-safe. Appending after the terminal event throws.
/// </summary>
public sealed class TurnEventLog
{
    private readonly EventFeed<ChatEvent> _feed;

    /// <summary>Creates a log for the turn with <paramref name="requestId"/>, optionally starting from events already recorded.</summary>
    public TurnEventLog(string requestId, IEnumerable<ChatEvent>? recorded = null)
    {
        RequestId = requestId;
        _feed = new EventFeed<ChatEvent>(e => e.Seq, e => e.IsTerminal, $"Turn '{requestId}' is already complete.");
        if (recorded is not null)
        {
            foreach (var e in recorded)
            {
                Append(e);
            }
        }
    }

    /// <summary>Idempotency key of the turn.</summary>
    public string RequestId { get; }

    /// <summary>True once a terminal event was appended.</summary>
    public bool IsCompleted => _feed.IsCompleted;

    /// <summary>A copy of the events so far.</summary>
    public IReadOnlyList<ChatEvent> Snapshot() => _feed.Snapshot();

    /// <summary>Appends an event whose <see cref="ChatEvent.Seq"/> is the next number and wakes the readers.</summary>
    public ChatEvent Append(ChatEvent template) => _feed.Append(count => template with { Seq = count + 1 });

    /// <summary>Yields the events with <c>Seq &gt; afterSeq</c> as they arrive, ending after the terminal event.</summary>
    public IAsyncEnumerable<ChatEvent> ReadAsync(long afterSeq, CancellationToken cancellationToken = default) =>
        _feed.ReadAsync(afterSeq, cancellationToken);
}
