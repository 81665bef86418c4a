using Chatbot.Safety.Pii;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Chatbot.Safety.Logging;

/// <summary>Puts every registered logger provider behind a <see cref="RedactingLoggerProvider"/>.</summary>
public static class LoggingRedactionExtensions
{
    /// <summary>
    /// Wraps each <see cref="ILoggerProvider"/> registered so far, so their output is redacted of personal data.
    /// Call it after the providers are added (console, OpenTelemetry, …); providers added later are not wrapped.
    /// </summary>
    public static IServiceCollection AddPiiLogRedaction(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PiiDetector>();
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(
                typeof(ILoggerProvider),
                sp => new RedactingLoggerProvider(Create(sp, descriptor), sp.GetRequiredService<PiiDetector>()),
                descriptor.Lifetime);
        }

        return services;
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as ILoggerProvider
        ?? descriptor.ImplementationFactory?.Invoke(services) as ILoggerProvider
        ?? (ILoggerProvider)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
