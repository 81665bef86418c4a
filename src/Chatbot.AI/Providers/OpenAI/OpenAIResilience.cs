using Chatbot.AI.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Chatbot.AI.Providers.OpenAI;

/// <summary>
/// The named <see cref="HttpClient"/> for model calls and its standard resilience handler, configured from
/// <see cref="OpenAIModelOptions"/>.
/// </summary>
/// <remarks>
/// The handler wraps <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>,
/// which the OpenAI SDK calls with <see cref="HttpCompletionOption.ResponseHeadersRead"/> for streams. So the attempt
/// and total timeouts bound the time to the response headers, and a retry can only happen before the first byte of the
/// answer: once the headers are in, the body is read outside the handler and a failure there surfaces to the caller.
/// Silence while the body streams is the job of <see cref="StreamIdleTimeoutChatClient"/>.
/// </remarks>
internal static class OpenAIResilience
{
    /// <summary>Longest back-off between two attempts when the endpoint sends no <c>Retry-After</c>.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>How long a pooled connection to the endpoint is reused.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Registers the named client <see cref="OpenAIChatProvider.HttpClientName"/>.</summary>
    public static IServiceCollection AddOpenAIModelHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(OpenAIChatProvider.HttpClientName)
            // The resilience handler owns every timeout; HttpClient's own would also cut long streams.
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            // The chat client lives as long as the container and keeps its HttpClient: connections are recycled by
            // the primary handler instead of the factory's handler rotation, so DNS changes are still picked up.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((options, provider) =>
                Apply(options, provider.GetRequiredService<IOptions<ChatModelOptions>>().Value.OpenAI));
        return services;
    }

    /// <summary>Upper bound of all attempts and the waits between them: what the wait for a first chunk must allow.</summary>
    public static TimeSpan TotalRequestTimeout(OpenAIModelOptions options) =>
        TimeSpan.FromSeconds(options.TimeoutSeconds) * (options.MaxRetries + 1) + MaxRetryDelay * options.MaxRetries
        + TimeSpan.FromSeconds(1);

    /// <summary>Maps <paramref name="model"/> onto the standard pipeline's options.</summary>
    public static void Apply(HttpStandardResilienceOptions options, OpenAIModelOptions model)
    {
        var attempt = TimeSpan.FromSeconds(model.TimeoutSeconds);
        options.AttemptTimeout.Timeout = attempt;
        options.TotalRequestTimeout.Timeout = TotalRequestTimeout(model);

        // Polly requires at least one retry attempt; "no retries" is a retry strategy that handles nothing.
        options.Retry.MaxRetryAttempts = Math.Max(model.MaxRetries, 1);
        if (model.MaxRetries == 0)
        {
            options.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
        }

        options.Retry.Delay = TimeSpan.FromMilliseconds(model.RetryDelayMilliseconds);
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.ShouldRetryAfterHeader = true;

        // The circuit breaker's window must be at least twice the attempt timeout.
        options.CircuitBreaker.SamplingDuration = attempt * 2 > TimeSpan.FromSeconds(30) ? attempt * 2 : TimeSpan.FromSeconds(30);
    }
}
