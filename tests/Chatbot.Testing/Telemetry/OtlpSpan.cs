namespace Chatbot.Testing.Telemetry;

/// <summary>One span as an OTLP collector received it, with the resource and scope it came under.</summary>
/// <param name="ServiceName">The resource's <c>service.name</c>.</param>
/// <param name="Scope">The instrumentation scope (the <c>ActivitySource</c>'s name).</param>
/// <param name="TraceId">Trace id, 32 lower-case hex digits.</param>
/// <param name="SpanId">Span id, 16 lower-case hex digits.</param>
/// <param name="ParentSpanId">Parent span id, 16 lower-case hex digits, or empty for a root span.</param>
/// <param name="Name">The span's name.</param>
/// <param name="Kind">The span's kind.</param>
/// <param name="Attributes">String, integer and boolean attributes, as text.</param>
public sealed record OtlpSpan(
    string ServiceName, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, OtlpSpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>OTLP <c>Span.SpanKind</c> values.</summary>
public enum OtlpSpanKind
{
    /// <summary>Not given.</summary>
    Unspecified = 0,

    /// <summary>Work inside the process.</summary>
    Internal = 1,

    /// <summary>Handling a remote call.</summary>
    Server = 2,

    /// <summary>Making a remote call.</summary>
    Client = 3,

    /// <summary>Sending a message.</summary>
    Producer = 4,

    /// <summary>Receiving a message.</summary>
    Consumer = 5,
}
