using System.Runtime.CompilerServices;

namespace Chatbot.AI.Conversations;

/// <summary>
/// Numbered events published one after another until a terminal one, readable by any number of readers from any
/// position while more are published: the core of a turn's and an agent run's event logs. Thread-safe. Publishing
/// after the terminal event throws.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
/// <param name="seqOf">An event's sequence number (increasing, from 1).</param>
/// <param name="isTerminal">Whether an event ends the feed.</param>
/// <param name="completedMessage">The message of the exception for publishing after the end.</param>
public sealed class EventFeed<T>(Func<T, long> seqOf, Func<T, bool> isTerminal, string completedMessage)
{
    private readonly Lock _gate = new();
    private readonly List<T> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once a terminal event was published.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>The sequence number of the last event (0 when none).</summary>
    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _events.Count == 0 ? 0 : seqOf(_events[^1]);
            }
        }
    }

    /// <summary>A copy of the events so far.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>Publishes numbered events and wakes the readers.</summary>
    /// <param name="events">The events, numbered to follow the published ones.</param>
    public void Publish(IReadOnlyList<T> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count > 0)
        {
            Publish(_ => events).TrySetResult();
        }
    }

    /// <summary>Publishes the event <paramref name="next"/> makes from the number of events so far, and wakes the readers.</summary>
    /// <param name="next">Makes the event from the count of published events (its sequence number is that plus one).</param>
    public T Append(Func<int, T> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        T appended = default!;
        Publish(count => [appended = next(count)]).TrySetResult();
        return appended;
    }

    /// <summary>Yields the events with a sequence number above <paramref name="afterSeq"/> as they are published, ending after the terminal event.</summary>
    /// <param name="afterSeq">The last sequence number the reader has.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async IAsyncEnumerable<T> ReadAsync(long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = 0;
        while (true)
        {
            T[] batch;
            Task changed;
            bool completed;
            lock (_gate)
            {
                while (next < _events.Count && seqOf(_events[next]) <= afterSeq)
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

    // Adds under the lock; the returned source is completed (readers woken) outside it.
    private TaskCompletionSource Publish(Func<int, IReadOnlyList<T>> make)
    {
        lock (_gate)
        {
            if (IsCompleted)
            {
                throw new InvalidOperationException(completedMessage);
            }

            var events = make(_events.Count);
            _events.AddRange(events);
            IsCompleted = isTerminal(events[^1]);
            var changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return changed;
        }
    }
}
