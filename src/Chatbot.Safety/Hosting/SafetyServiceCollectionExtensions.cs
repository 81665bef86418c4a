using Chatbot.Safety.Context;
using Chatbot.Safety.Guards;
using Chatbot.Safety.Injection;
using Chatbot.Safety.Pii;
using Chatbot.Safety.Toxicity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chatbot.Safety.Hosting;

/// <summary>Registers the safety guards.</summary>
public static class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GuardOptions"/> (bound from <c>Chatbot:Safety</c>, validated at start-up), the detectors,
    /// <see cref="ContentGuard"/>, <see cref="GuardMetrics"/> and <see cref="ContextDelimiter"/>. Needs an
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (every .NET host registers one; otherwise call
    /// <c>services.AddMetrics()</c>). Uses the registered <see cref="TimeProvider"/>, or adds <see cref="TimeProvider.System"/>.
    /// </summary>
    public static IServiceCollection AddChatbotSafety(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GuardOptions>()
            .Bind(configuration.GetSection(GuardOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GuardOptions>, GuardOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PromptInjectionDetector>();
        services.TryAddSingleton<PiiDetector>();
        services.TryAddSingleton<ToxicityScorer>();
        services.TryAddSingleton<GuardMetrics>();
        services.TryAddSingleton<ContentGuard>();
        services.TryAddSingleton(_ => new ContextDelimiter());
        return services;
    }
}
