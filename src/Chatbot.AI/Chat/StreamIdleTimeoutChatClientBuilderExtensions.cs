using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.AI.Chat;

/// <summary>Adds <see cref="StreamIdleTimeoutChatClient"/> to a <see cref="ChatClientBuilder"/> pipeline.</summary>
public static class StreamIdleTimeoutChatClientBuilderExtensions
{
    /// <summary>Fails streams silent for longer than <paramref name="idleTimeout"/> with a <see cref="TimeoutException"/>.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="idleTimeout">Longest silence between two updates.</param>
    /// <param name="configure">Optional further settings, e.g. <see cref="StreamIdleTimeoutChatClient.FirstUpdateTimeout"/>.</param>
    public static ChatClientBuilder UseStreamIdleTimeout(
        this ChatClientBuilder builder, TimeSpan idleTimeout, Action<StreamIdleTimeoutChatClient>? configure = null) =>
        builder.UseStreamIdleTimeout(_ => idleTimeout, configure is null ? null : (client, _) => configure(client));

    /// <summary>
    /// Fails streams silent for longer than the timeout <paramref name="idleTimeout"/> gives for the pipeline's services;
    /// <see cref="Timeout.InfiniteTimeSpan"/> leaves the pipeline without the check. The clock is the services'
    /// <see cref="TimeProvider"/> when registered.
    /// </summary>
    public static ChatClientBuilder UseStreamIdleTimeout(
        this ChatClientBuilder builder,
        Func<IServiceProvider, TimeSpan> idleTimeout,
        Action<StreamIdleTimeoutChatClient, IServiceProvider>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(idleTimeout);
        return builder.Use((innerClient, services) =>
        {
            var timeout = idleTimeout(services);
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                return innerClient;
            }

            var client = new StreamIdleTimeoutChatClient(
                innerClient,
                timeout,
                services.GetService<TimeProvider>(),
                services.GetService<ILoggerFactory>()?.CreateLogger<StreamIdleTimeoutChatClient>());
            configure?.Invoke(client, services);
            return client;
        });
    }
}
