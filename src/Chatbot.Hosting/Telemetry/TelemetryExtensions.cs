using Chatbot.AI.Chat;
using Chatbot.AI.Telemetry;
using Chatbot.Safety.Guards;
using Chatbot.Voice.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Chatbot.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry tracing and metrics for the platform's own sources, with metrics exported for Prometheus
/// (<see cref="MetricsPath"/>) and spans to an OTLP collector when one is configured (<see cref="ChatbotTelemetryOptions"/>);
/// the host adds its own instrumentation (ASP.NET Core) and maps the endpoint.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Path of the Prometheus scraping endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Path under an OTLP/HTTP collector's base address that takes spans.</summary>
    public const string TracesPath = "/v1/traces";

    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    private static readonly string[] EndpointVariables = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];

    /// <summary>Activity sources and meters the platform emits.</summary>
    public static readonly IReadOnlyList<string> Sources = [ChatServiceCollectionExtensions.TelemetrySourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>
    /// Meters the platform emits: the model pipeline's, <see cref="ChatbotMetrics"/>, the guards' detections
    /// (<see cref="GuardMetrics"/>), the voice sessions' (<see cref="VoiceMetrics"/>), Orleans' own (grain counts,
    /// messaging) and the .NET runtime's (<c>System.Runtime</c>: process memory, GC heap, thread pool), which the load
    /// tool reads to report server memory per open connection.
    /// </summary>
    public static readonly IReadOnlyList<string> Meters =
    [
        ChatServiceCollectionExtensions.TelemetrySourceName, ChatbotMetrics.MeterName, GuardMetrics.MeterName, VoiceMetrics.MeterName,
        "Microsoft.Orleans", "System.Runtime",
    ];

    /// <summary>
    /// Registers <see cref="ChatbotMetrics"/>, tracing and metrics for <see cref="Sources"/> and <see cref="Meters"/>, the
    /// Prometheus exporter, and the OTLP span exporter where <see cref="ChatbotTelemetryOptions"/> (or the standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> variables) name a collector. Safe to call more than once: the first call wins, so a
    /// gateway that co-hosts a silo calls it before the silo does to be named as a gateway.
    /// </summary>
    /// <param name="services">The process's services.</param>
    /// <param name="configuration">The process's configuration (<c>Chatbot:Telemetry</c> and <c>OTEL_*</c>).</param>
    /// <param name="defaultServiceName">
    /// The <c>service.name</c> of this process's spans unless configured: <see cref="ChatbotTelemetryOptions.GatewayServiceName"/>
    /// or <see cref="ChatbotTelemetryOptions.SiloServiceName"/>.
    /// </param>
    /// <exception cref="InvalidOperationException">The telemetry settings are invalid; the message names each one at fault.</exception>
    public static IServiceCollection AddChatbotTelemetry(this IServiceCollection services, IConfiguration configuration, string defaultServiceName)
    {
        if (services.Any(d => d.ServiceType == typeof(ChatbotMetrics)))
        {
            return services;
        }

        var options = ChatbotTelemetryOptionsValidator.Read(configuration);
        services.AddMetrics();
        services.TryAddSingleton<ChatbotMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(r => NameService(r, options, configuration, defaultServiceName))
            .WithTracing(t => AddOtlpExporter(t.AddSource([.. Sources]), options.Otlp, configuration))
            .WithMetrics(m => m.AddMeter([.. Meters]).AddPrometheusExporter());
        return services;
    }

    // Left alone, the default resource takes OTEL_SERVICE_NAME; only an explicit setting or its absence overrides it.
    private static void NameService(ResourceBuilder resource, ChatbotTelemetryOptions options, IConfiguration configuration, string defaultServiceName)
    {
        if (options.ServiceName is { Length: > 0 } configured)
        {
            resource.AddService(configured);
        }
        else if (string.IsNullOrEmpty(configuration[ServiceNameVariable]))
        {
            resource.AddService(defaultServiceName);
        }
    }

    // The exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself (headers, timeout, and the endpoint and
    // protocol unless set here), but only once added: add it where either the platform's setting or a standard one
    // names a collector. An endpoint set in code is used as it is, so the http/protobuf signal path is added here.
    private static TracerProviderBuilder AddOtlpExporter(TracerProviderBuilder tracing, OtlpTraceExportOptions otlp, IConfiguration configuration)
    {
        if (otlp.Endpoint is { Length: > 0 } endpoint)
        {
            var grpc = otlp.Protocol == OtlpProtocols.Grpc;
            return tracing.AddOtlpExporter(o =>
            {
                o.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = grpc ? new Uri(endpoint) : new Uri(endpoint.TrimEnd('/') + TracesPath);
            });
        }

        return EndpointVariables.Any(v => !string.IsNullOrEmpty(configuration[v])) ? tracing.AddOtlpExporter() : tracing;
    }

    /// <summary>Maps the Prometheus scraping endpoint at <see cref="MetricsPath"/> (text exposition format).</summary>
    public static IEndpointConventionBuilder MapChatbotMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
}
