using Chatbot.AI.Conversations;
using Chatbot.AI.Providers.Embedded;
using Chatbot.AI.Providers.OpenAI;
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

    /// <summary>
    /// Adds <see cref="IChatClient"/> for the provider chosen by <c>Chatbot:Model:Provider</c>, wrapped in logging,
    /// telemetry and (for <c>openai</c>) the stream idle timeout, plus <see cref="ConversationOptions"/>. Options are
    /// validated at start-up. Uses the registered <see cref="TimeProvider"/>, or adds <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddChatbotChatModel(this IServiceCollection services, IConfiguration configuration)
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
        services.AddOpenAIModelHttpClient();

        // The first Use is the outermost: logging and telemetry see the idle timeout's TimeoutException.
        services.AddChatClient(CreateProvider)
            .UseLogging()
            .UseOpenTelemetry(sourceName: TelemetrySourceName)
            .UseStreamIdleTimeout(IdleTimeout, (client, provider) =>
                client.FirstUpdateTimeout = OpenAIResilience.TotalRequestTimeout(ModelOptions(provider).OpenAI) + client.IdleTimeout);
        return services;
    }

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
