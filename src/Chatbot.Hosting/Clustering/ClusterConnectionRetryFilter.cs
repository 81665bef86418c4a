using Microsoft.Extensions.Logging;

namespace Chatbot.Hosting.Clustering;

/// <summary>
/// Keeps a client (a gateway in <c>client</c> mode) trying to reach the cluster instead of failing start-up when no silo
/// answers yet: the process serves <c>/healthz</c> meanwhile, and <c>/readyz</c> reports 503 until it is connected.
/// </summary>
internal sealed partial class ClusterConnectionRetryFilter(TimeProvider timeProvider, ILogger<ClusterConnectionRetryFilter> logger)
    : IClientConnectionRetryFilter
{
    /// <summary>Pause between two connection attempts.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogNotConnected(logger, exception, Interlocked.Increment(ref _attempts), RetryDelay.TotalSeconds);
        await Task.Delay(RetryDelay, timeProvider, cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(2301, LogLevel.Warning, "No silo of the cluster answered (attempt {Attempt}); retrying in {Seconds} s")]
    private static partial void LogNotConnected(ILogger logger, Exception exception, int attempt, double seconds);
}
