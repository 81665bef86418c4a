namespace Chatbot.Voice;

/// <summary>
/// Runs blocking native engine calls (pocketsphinx, espeak-ng) on the thread pool, never on the caller's thread (a
/// grain's scheduler), with at most <see cref="MaxConcurrency"/> running at once across the process' engines.
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

    /// <inheritdoc cref="RunAsync{T}(Func{T}, CancellationToken)"/>
    public Task RunAsync(Action work, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            work();
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}
