namespace Chatbot.Voice;

/// <summary>
/// Runs blocking native engine calls (pocketsphinx) on the thread pool, never on the caller's thread (a grain's
/// scheduler), and bounds engine work (those calls and espeak-ng processes) to <see cref="MaxConcurrency"/> at once.
/// Thread-safe; one per container.
/// </summary>
public sealed class NativeCallGate : IDisposable
{
    private readonly SemaphoreSlim _slots;

    /// <summary>A gate letting <paramref name="maxConcurrency"/> calls run at once.</summary>
    public NativeCallGate(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        MaxConcurrency = maxConcurrency;
        _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    /// <summary>Calls allowed to run at once.</summary>
    public int MaxConcurrency { get; }

    /// <summary>
    /// Waits for a slot, then runs <paramref name="work"/> on the thread pool. Cancellation stops the wait for a slot;
    /// once the work started it runs to its end (native code cannot be interrupted safely), and the task completes
    /// only then, so the caller never frees a native object still in use.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(work, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Waits for a slot for work that is not a call on a thread (an engine's child process); dispose the result to free
    /// the slot.
    /// </summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    /// <inheritdoc cref="RunAsync{T}(Func{T}, CancellationToken)"/>
    public Task RunAsync(Action work, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            work();
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
