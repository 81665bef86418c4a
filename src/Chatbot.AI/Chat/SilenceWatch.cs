namespace Chatbot.AI.Chat;

/// <summary>
/// A cancellation token that a <see cref="TimeProvider"/> timer cancels when it is armed and not disarmed in time.
/// Linked to the caller's token. Used by one call at a time.
/// </summary>
internal sealed class SilenceWatch : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly ITimer _timer;
    private int _fired;

    public SilenceWatch(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = timeProvider.CreateTimer(static state => ((SilenceWatch)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancelled by the caller or by the timer.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True once the timer cancelled <see cref="Token"/>.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>Starts (or restarts) the countdown.</summary>
    public void Arm(TimeSpan limit) => _timer.Change(limit, Timeout.InfiniteTimeSpan);

    /// <summary>Stops the countdown.</summary>
    public void Disarm() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer.Dispose();
        _source.Dispose();
    }

    private void Fire()
    {
        Interlocked.Exchange(ref _fired, 1);
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended while the timer was firing; there is nothing left to cancel.
        }
    }
}
