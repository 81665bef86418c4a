using Chatbot.AI.Chat;
using Chatbot.Voice.Sessions;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chatbot.Hosting.Telemetry;

/// <summary>OpenTelemetry tracing and metrics for the platform's own sources; exporters are added by the host.</summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters the platform emits.</summary>
    public static readonly IReadOnlyList<string> Sources = [ChatServiceCollectionExtensions.TelemetrySourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Meters the platform emits.</summary>
    public static readonly IReadOnlyList<string> Meters = [ChatServiceCollectionExtensions.TelemetrySourceName, VoiceMetrics.MeterName, "Microsoft.Orleans"];

    /// <summary>Registers tracing and metrics for <see cref="Sources"/> and <see cref="Meters"/>.</summary>
    public static IServiceCollection AddChatbotTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource([.. Sources]))
            .WithMetrics(m => m.AddMeter([.. Meters]));
        return services;
    }
}
