using Chatbot.AI.Conversations;
using Chatbot.AI.Providers.Embedded;
using Chatbot.AI.Providers.OpenAI;
using Chatbot.AI.Safety;
using Chatbot.Safety.Chat;
using Chatbot.Safety.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chatbot.AI.Chat;

/// <summary>Registers the chat model and its middleware: the one place the model pipeline is composed.</summary>
public static class ChatServiceCollectionExtensions
{
    /// <summary>Name of the telemetry source for model calls.</summary>
    public const string TelemetrySourceName = "Chatbot.AI";

    /// <summary>Service key of the keyed <see cref="IChatClient"/> agents reason with.</summary>
    public const string AgentClientKey = "chatbot.agents";

    /// <summary>
    /// Adds <see cref="IChatClient"/> for the provider chosen by <c>Chatbot:Model:Provider</c>, wrapped in logging,
    /// telemetry, the safety guards (input, retrieved passages, streamed answers; <c>Chatbot:Safety</c>),
    /// <paramref name="turnMiddleware"/> (the host's per-turn middleware, e.g. memory and tools) and (for <c>openai</c>)
    /// the stream idle timeout, plus <see cref="ConversationOptions"/>. Also adds the keyed <see cref="AgentClientKey"/>
    /// client: the same provider with logging, telemetry and the idle timeout only, because an agent guards its task,
    /// tool results and answer itself, step by step. Options are validated at start-up. Uses the registered
    /// <see cref="TimeProvider"/>, or adds <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddChatbotChatModel(
        this IServiceCollection services, IConfiguration configuration, Action<ChatClientBuilder>? turnMiddleware = null)
    {
        services.AddOptions<ChatModelOptions>()
            .Bind(configuration.GetSection(ChatModelOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatModelOptions>, ChatModelOptionsValidator>());
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddChatbotSafety(configuration);
        services.AddOpenAIModelHttpClient();

        // The first Use is the outermost: logging and telemetry see the guards' refusals and the idle timeout's
        // TimeoutException; the guards see the prompt as the grain built it and the answer as the user will.
        var turns = services.AddChatClient(CreateProvider)
            .UseLogging()
            .UseOpenTelemetry(sourceName: TelemetrySourceName)
            .UseContentGuard()
            .UseRetrievedContentGuard()
            .UseStreamingAnswerGuard();
        turnMiddleware?.Invoke(turns);
        UseIdleTimeout(turns);

        UseIdleTimeout(services.AddKeyedChatClient(AgentClientKey, CreateProvider)
            .UseLogging()
            .UseOpenTelemetry(sourceName: TelemetrySourceName));
        return services;
    }

    private static void UseIdleTimeout(ChatClientBuilder builder) =>
        builder.UseStreamIdleTimeout(IdleTimeout, (client, provider) =>
            client.FirstUpdateTimeout = OpenAIResilience.TotalRequestTimeout(ModelOptions(provider).OpenAI) + client.IdleTimeout);

    private static IChatClient CreateProvider(IServiceProvider services)
    {
        var options = ModelOptions(services);
        return options.Provider switch
        {
            ChatProviders.OpenAI => OpenAIChatProvider.Create(
                options.OpenAI,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(OpenAIChatProvider.HttpClientName)),
            _ => new EmbeddedChatClient(options.Embedded, services.GetRequiredService<TimeProvider>()),
        };
    }

    // The embedded provider streams from memory; only a remote endpoint can fall silent.
    private static TimeSpan IdleTimeout(IServiceProvider services) => ModelOptions(services) is { Provider: ChatProviders.OpenAI } options
        ? TimeSpan.FromSeconds(options.OpenAI.StreamIdleTimeoutSeconds)
        : Timeout.InfiniteTimeSpan;

    private static ChatModelOptions ModelOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ChatModelOptions>>().Value;
}
