using Chatbot.AI.Conversations;
using Chatbot.AI.Providers.Embedded;
using Chatbot.AI.Providers.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chatbot.AI.Chat;

/// <summary>Registers the chat model and its middleware: the one place the model pipeline is composed.</summary>
public static class ChatServiceCollectionExtensions
{
    /// <summary>Name of the telemetry source for model calls.</summary>
    public const string TelemetrySourceName = "Chatbot.AI";

    /// <summary>
    /// Adds <see cref="IChatClient"/> for the provider chosen by <c>Chatbot:Model:Provider</c>, wrapped in telemetry and
    /// logging, plus <see cref="ConversationOptions"/>. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddChatbotChatModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatModelOptions>()
            .Bind(configuration.GetSection(ChatModelOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatModelOptions>, ChatModelOptionsValidator>();
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        var openAI = configuration.GetSection(ChatModelOptions.SectionName).Get<ChatModelOptions>()?.OpenAI ?? new OpenAIModelOptions();
        services.AddHttpClient(OpenAIChatProvider.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(o =>
            {
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(openAI.TimeoutSeconds);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(openAI.TimeoutSeconds * (openAI.MaxRetries + 1) + 1);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(openAI.TimeoutSeconds * 2, 30));
                o.Retry.MaxRetryAttempts = Math.Max(openAI.MaxRetries, 0);
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.Retry.ShouldRetryAfterHeader = true;
            });

        services.AddChatClient(CreateProvider)
            .UseLogging()
            .UseOpenTelemetry(sourceName: TelemetrySourceName);
        return services;
    }

    private static IChatClient CreateProvider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ChatModelOptions>>().Value;
        return options.Provider switch
        {
            ChatProviders.OpenAI => OpenAIChatProvider.Create(
                options.OpenAI,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(OpenAIChatProvider.HttpClientName)),
            _ => new EmbeddedChatClient(options.Embedded, services.GetRequiredService<TimeProvider>()),
        };
    }
}

/// <summary>Cross-field checks of <see cref="ChatModelOptions"/>.</summary>
internal sealed class ChatModelOptionsValidator : IValidateOptions<ChatModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatModelOptions options)
    {
        if (options.Provider != ChatProviders.OpenAI)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.OpenAI.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add("Chatbot:Model:OpenAI:BaseUrl must be an absolute http(s) URL when Chatbot:Model:Provider is 'openai'.");
        }

        if (string.IsNullOrWhiteSpace(options.OpenAI.Model))
        {
            failures.Add("Chatbot:Model:OpenAI:Model is required when Chatbot:Model:Provider is 'openai'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
