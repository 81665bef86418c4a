using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.AI.Chat;

/// <summary>
/// Abandons a model stream that stays silent too long: when no update arrives within <see cref="IdleTimeout"/> of
/// asking for the next one (<see cref="FirstUpdateTimeout"/> for the first), the inner call is cancelled and the
/// stream fails with a <see cref="TimeoutException"/>. Time the consumer spends between updates does not count.
/// A non-streaming call must complete within <see cref="FirstUpdateTimeout"/>. Cancellation by the caller stays an
/// <see cref="OperationCanceledException"/>. Thread-safe; each call has its own timer from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class StreamIdleTimeoutChatClient : DelegatingChatClient
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client whose streams are watched.</param>
    /// <param name="idleTimeout">Longest silence between two updates; positive.</param>
    /// <param name="timeProvider">Clock for the timers; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where abandoned streams are reported.</param>
    public StreamIdleTimeoutChatClient(IChatClient innerClient, TimeSpan idleTimeout, TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero);
        IdleTimeout = idleTimeout;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Longest silence between two updates of a stream.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Longest wait for the first update (it includes connecting and any retries); null means <see cref="IdleTimeout"/>.</summary>
    public TimeSpan? FirstUpdateTimeout { get; set; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var watch = new SilenceWatch(_timeProvider, cancellationToken);
        var limit = FirstUpdateTimeout ?? IdleTimeout;
        watch.Arm(limit);
        try
        {
            return await base.GetResponseAsync(messages, options, watch.Token);
        }
        catch (Exception ex) when (watch.Fired && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(limit, ex);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var watch = new SilenceWatch(_timeProvider, cancellationToken);
        await using var updates = base.GetStreamingResponseAsync(messages, options, watch.Token).GetAsyncEnumerator(watch.Token);
        var limit = FirstUpdateTimeout ?? IdleTimeout;
        while (true)
        {
            bool more;
            watch.Arm(limit);
            try
            {
                more = await updates.MoveNextAsync();
            }
            catch (Exception ex) when (watch.Fired && !cancellationToken.IsCancellationRequested)
            {
                // Whatever the inner client threw after its token was cancelled, the cause is the silence.
                throw TimedOut(limit, ex);
            }
            finally
            {
                watch.Disarm();
            }

            if (!more)
            {
                yield break;
            }

            yield return updates.Current;
            limit = IdleTimeout;
        }
    }

    private TimeoutException TimedOut(TimeSpan limit, Exception cause)
    {
        LogStreamSilent(_logger, limit.TotalSeconds);
        return new TimeoutException($"The model sent nothing for {limit.TotalSeconds:0.###} s.", cause);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The model sent nothing for {Seconds} s; the call was abandoned.")]
    private static partial void LogStreamSilent(ILogger logger, double seconds);
}
