using Chatbot.AI.Chat;
using Chatbot.AI.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chatbot.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry tracing and metrics for the platform's own sources, with metrics exported for Prometheus
/// (<see cref="MetricsPath"/>); the host adds its own instrumentation (ASP.NET Core) and maps the endpoint.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Path of the Prometheus scraping endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Activity sources and meters the platform emits.</summary>
    public static readonly IReadOnlyList<string> Sources = [ChatServiceCollectionExtensions.TelemetrySourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Meters the platform emits: the model pipeline's, <see cref="ChatbotMetrics"/> and Orleans' own (grain counts, messaging).</summary>
    public static readonly IReadOnlyList<string> Meters = [ChatServiceCollectionExtensions.TelemetrySourceName, ChatbotMetrics.MeterName, "Microsoft.Orleans"];

    /// <summary>
    /// Registers <see cref="ChatbotMetrics"/>, tracing and metrics for <see cref="Sources"/> and <see cref="Meters"/>, and
    /// the Prometheus exporter. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddChatbotTelemetry(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ChatbotMetrics)))
        {
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton<ChatbotMetrics>();
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource([.. Sources]))
            .WithMetrics(m => m.AddMeter([.. Meters]).AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps the Prometheus scraping endpoint at <see cref="MetricsPath"/> (text exposition format).</summary>
    public static IEndpointConventionBuilder MapChatbotMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
}
