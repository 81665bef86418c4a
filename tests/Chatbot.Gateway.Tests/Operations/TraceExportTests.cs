using System.Diagnostics;
using Chatbot.Hosting.Telemetry;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Telemetry;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Operations;

/// <summary>
/// Spans of a real gateway (co-hosted silo) exported to a stand-in OTLP collector. Other tests' gateways run in the same
/// process and their requests' spans reach this collector too, so the chat request carries a <c>traceparent</c> of its
/// own and only that trace is asserted on.
/// </summary>
public sealed class TraceExportTests
{
    [Theory]
    [InlineData(OtlpProtocols.HttpProtobuf)]
    [InlineData(OtlpProtocols.Grpc)]
    public async Task ChatTurn_WithOtlpEndpoint_ExportsTheRequestAndItsGrainCallsInOneTrace(string protocol)
    {
        await using var collector = await OtlpTraceReceiver.StartAsync(protocol, Ct);
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["Chatbot:Telemetry:Otlp:Endpoint"] = collector.Endpoint.ToString(),
            ["Chatbot:Telemetry:Otlp:Protocol"] = protocol,
            // The standard batch delay (5 s) would only slow the test down.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        }, cancellationToken: Ct);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        var request = ChatRequest("traced-1", "hello there");
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");

        var events = await ChatAsync(host.Client, request);
        // The request's span ends after the grain calls it awaited, so once it is in, theirs are too.
        var trace = await collector.WaitForTraceAsync(traceId, t => t.Any(IsChatRequest) && t.Any(IsGrainCall), TimeSpan.FromSeconds(30), Ct);

        Assert.Equal("done", events[^1].Type);
        var chat = Assert.Single(trace, IsChatRequest);
        Assert.Equal(callerSpanId, chat.ParentSpanId);
        Assert.Equal(ChatbotTelemetryOptions.GatewayServiceName, chat.ServiceName);
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        Assert.Contains(trace, s => IsGrainCall(s) && Ancestors(s, bySpanId).Contains(chat.SpanId));
    }

    // The span ids from the span's parent up, as far as they were exported.
    private static IEnumerable<string> Ancestors(OtlpSpan span, Dictionary<string, OtlpSpan> bySpanId)
    {
        for (var id = span.ParentSpanId; bySpanId.TryGetValue(id, out var parent); id = parent.ParentSpanId)
        {
            yield return id;
        }
    }

    private static bool IsChatRequest(OtlpSpan span) =>
        span is { Scope: "Microsoft.AspNetCore", Kind: OtlpSpanKind.Server } && span.Attributes.GetValueOrDefault("http.route") == "/api/v1/chat/stream";

    // The grain side of a grain call.
    private static bool IsGrainCall(OtlpSpan span) => span is { Scope: "Microsoft.Orleans.Application", Kind: OtlpSpanKind.Server };
}
