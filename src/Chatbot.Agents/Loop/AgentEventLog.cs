using System.Runtime.CompilerServices;

namespace Chatbot.Agents.Loop;

/// <summary>
/// The published events of one run, readable by any number of readers from any position while the run works. The
/// owner numbers a step's events (<see cref="Number"/>), stores them, then publishes them (<see cref="Publish"/>), so
/// readers only ever see stored events. Thread-safe. Publishing after the terminal event throws.
/// </summary>
public sealed class AgentEventLog
{
    private readonly Lock _gate = new();
    private readonly List<AgentEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a log holding the events already stored.</summary>
    public AgentEventLog(IEnumerable<AgentEvent> stored) => Publish([.. stored]);

    /// <summary>True once a terminal event was published.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>The seq of the last published event (0 when none).</summary>
    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _events.Count == 0 ? 0 : _events[^1].Seq;
            }
        }
    }

    /// <summary><paramref name="templates"/> numbered to follow the published events (not yet published).</summary>
    public IReadOnlyList<AgentEvent> Number(IReadOnlyList<AgentEvent> templates)
    {
        var next = LastSeq;
        return [.. templates.Select(e => e with { Seq = ++next })];
    }

    /// <summary>Publishes numbered events and wakes the readers.</summary>
    public void Publish(IReadOnlyList<AgentEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            if (IsCompleted)
            {
                throw new InvalidOperationException("The run's events are already complete.");
            }

            _events.AddRange(events);
            IsCompleted = events[^1].IsTerminal;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Yields the events with <c>Seq &gt; afterSeq</c> as they are published, ending after the terminal event.</summary>
    public async IAsyncEnumerable<AgentEvent> ReadAsync(long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = 0;
        while (true)
        {
            AgentEvent[] batch;
            Task changed;
            bool completed;
            lock (_gate)
            {
                while (next < _events.Count && _events[next].Seq <= afterSeq)
                {
                    next++;
                }

                batch = next < _events.Count ? _events.GetRange(next, _events.Count - next).ToArray() : [];
                completed = IsCompleted;
                changed = _changed.Task;
            }

            foreach (var e in batch)
            {
                yield return e;
            }

            next += batch.Length;
            if (completed)
            {
                yield break;
            }

            if (batch.Length == 0)
            {
                await changed.WaitAsync(cancellationToken);
            }
        }
    }
}
