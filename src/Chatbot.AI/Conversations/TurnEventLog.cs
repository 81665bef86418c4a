using System.Runtime.CompilerServices;
using Chatbot.Conversations;

namespace Chatbot.AI.Conversations;

/// <summary>
/// The events of one turn as they are produced, numbered from 1, readable by any number of readers from any position
/// while the turn is still running. Thread-safe. Appending after the terminal event throws.
/// </summary>
public sealed class TurnEventLog
{
    private readonly Lock _gate = new();
    private readonly List<ChatEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a log for the turn with <paramref name="requestId"/>, optionally starting from events already recorded.</summary>
    public TurnEventLog(string requestId, IEnumerable<ChatEvent>? recorded = null)
    {
        RequestId = requestId;
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
    public bool IsCompleted { get; private set; }

    /// <summary>A copy of the events so far.</summary>
    public IReadOnlyList<ChatEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>Appends an event whose <see cref="ChatEvent.Seq"/> is the next number and wakes the readers.</summary>
    public ChatEvent Append(ChatEvent template)
    {
        TaskCompletionSource changed;
        ChatEvent appended;
        lock (_gate)
        {
            if (IsCompleted)
            {
                throw new InvalidOperationException($"Turn '{RequestId}' is already complete.");
            }

            appended = template with { Seq = _events.Count + 1 };
            _events.Add(appended);
            IsCompleted = appended.IsTerminal;
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return appended;
    }

    /// <summary>Yields the events with <c>Seq &gt; afterSeq</c> as they arrive, ending after the terminal event.</summary>
    public async IAsyncEnumerable<ChatEvent> ReadAsync(long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = (int)Math.Max(0, afterSeq);
        while (true)
        {
            ChatEvent[] batch;
            Task changed;
            bool completed;
            lock (_gate)
            {
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
