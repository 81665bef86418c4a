using Chatbot.AI.Conversations;

namespace Chatbot.Agents.Loop;

/// <summary>
/// The published events of one run, readable by any number of readers from any position while the run works. The
/// owner numbers a step's events (<see cref="Number"/>), stores them, then publishes them (<see cref="Publish"/>), so
/// readers only ever see stored events. Thread-safe. Publishing after the terminal event throws.
/// </summary>
public sealed class AgentEventLog
{
    private readonly EventFeed<AgentEvent> _feed = new(e => e.Seq, e => e.IsTerminal, "The run's events are already complete.");

    /// <summary>Creates a log holding the events already stored.</summary>
    public AgentEventLog(IEnumerable<AgentEvent> stored) => Publish([.. stored]);

    /// <summary>True once a terminal event was published.</summary>
    public bool IsCompleted => _feed.IsCompleted;

    /// <summary>The seq of the last published event (0 when none).</summary>
    public long LastSeq => _feed.LastSeq;

    /// <summary><paramref name="templates"/> numbered to follow the published events (not yet published).</summary>
    public IReadOnlyList<AgentEvent> Number(IReadOnlyList<AgentEvent> templates)
    {
        var next = LastSeq;
        return [.. templates.Select(e => e with { Seq = ++next })];
    }

    /// <summary>Publishes numbered events and wakes the readers.</summary>
    public void Publish(IReadOnlyList<AgentEvent> events) => _feed.Publish(events);

    /// <summary>Yields the events with <c>Seq &gt; afterSeq</c> as they are published, ending after the terminal event.</summary>
    public IAsyncEnumerable<AgentEvent> ReadAsync(long afterSeq, CancellationToken cancellationToken = default) =>
        _feed.ReadAsync(afterSeq, cancellationToken);
}
