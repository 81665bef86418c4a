namespace Chatbot.Hosting.Telemetry;

/// <summary>
/// Where this process sends its traces and the service name they carry (<c>Chatbot:Telemetry</c>). Read once at
/// start-up by <see cref="TelemetryExtensions.AddChatbotTelemetry"/>; metrics are scraped from <c>/metrics</c> whatever
/// these say.
/// </summary>
public sealed class ChatbotTelemetryOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Telemetry";

    /// <summary>Default <see cref="ServiceName"/> of a gateway process, also when it co-hosts a silo.</summary>
    public const string GatewayServiceName = "chatbot-gateway";

    /// <summary>Default <see cref="ServiceName"/> of a silo process.</summary>
    public const string SiloServiceName = "chatbot-silo";

    /// <summary>
    /// The <c>service.name</c> resource attribute of this process's spans. Default: the standard
    /// <c>OTEL_SERVICE_NAME</c> when set, else <see cref="GatewayServiceName"/> or <see cref="SiloServiceName"/> by process.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>Span export to an OpenTelemetry (OTLP) collector.</summary>
    public OtlpTraceExportOptions Otlp { get; set; } = new();
}

/// <summary>Span export to an OTLP collector: Jaeger, Grafana Tempo, the OpenTelemetry Collector … (<c>Chatbot:Telemetry:Otlp</c>).</summary>
public sealed class OtlpTraceExportOptions
{
    /// <summary>
    /// Base address of the collector, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> takes it: <c>http://localhost:4318</c> for
    /// <c>http/protobuf</c> (spans go to <c>/v1/traces</c> under it), <c>http://localhost:4317</c> for <c>grpc</c>. Default
    /// empty: spans are exported only where the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or
    /// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> names a collector, and then as the standard <c>OTEL_*</c> variables say.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Wire protocol for <see cref="Endpoint"/>: <c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string Protocol { get; set; } = OtlpProtocols.HttpProtobuf;
}

/// <summary>Known values of <see cref="OtlpTraceExportOptions.Protocol"/> (the names <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> uses).</summary>
public static class OtlpProtocols
{
    /// <summary>Protobuf over HTTP/1.1 POSTs, usually on port 4318.</summary>
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>gRPC (HTTP/2), usually on port 4317.</summary>
    public const string Grpc = "grpc";
}
