using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Draining;

/// <summary>
/// The gateway's graceful stop. When the host begins stopping (before Kestrel stops accepting and before the Orleans
/// client or co-hosted silo stops), <see cref="Draining"/> fires: readiness turns false, open SSE streams end with a
/// reconnect hint (the grain keeps generating; the client resumes through another gateway with <c>Last-Event-ID</c>),
/// and new API requests are refused with 503. The stop then waits <see cref="GatewayOptions.DrainDelaySeconds"/> so
/// load balancers see the unready state before the port closes.
/// </summary>
internal sealed partial class GatewayDrain(IOptions<GatewayOptions> options, TimeProvider time, ILogger<GatewayDrain> logger)
    : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _draining = new();

    /// <summary>Cancelled when draining begins.</summary>
    public CancellationToken Draining => _draining.Token;

    /// <summary>True once draining began.</summary>
    public bool IsDraining => _draining.IsCancellationRequested;

    /// <summary>The reconnect hint for streams ended by draining.</summary>
    public TimeSpan RetryHint => TimeSpan.FromMilliseconds(options.Value.DrainRetryMilliseconds);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        LogDraining(logger, options.Value.DrainDelaySeconds);
        await _draining.CancelAsync();
        if (options.Value.DrainDelaySeconds > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.DrainDelaySeconds), time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The host's shutdown timeout ran out first: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _draining.Dispose();

    [LoggerMessage(1401, LogLevel.Information, "Gateway draining: unready now, open streams told to reconnect elsewhere; stopping in {DelaySeconds} s")]
    private static partial void LogDraining(ILogger logger, int delaySeconds);
}
