using System.Diagnostics;
using Chatbot.Diagnostics;
using Chatbot.Hosting.Telemetry;
using Chatbot.Testing.Servers;
using Chatbot.Testing.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Hosting.Tests.Telemetry;

/// <summary>
/// A silo process (<see cref="ChatbotSiloBuilderExtensions.AddChatbotSilo"/>) exporting its grain calls' spans to a
/// stand-in OTLP collector. Other tests' silos in this process emit spans this silo's exporter sees too, so each call is
/// made under a parent activity of the test's own and only that trace is asserted on.
/// </summary>
public sealed class SiloTraceExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, null, ChatbotTelemetryOptions.SiloServiceName)]
    [InlineData(null, "from-otel-variable", "from-otel-variable")]
    [InlineData("chatbot-silo-gpu", "from-otel-variable", "chatbot-silo-gpu")]
    public async Task GrainCall_WithOtlpEndpoint_ExportsItsSpansUnderTheServiceName(string? serviceName, string? otelServiceName, string expected)
    {
        await using var collector = await OtlpTraceReceiver.StartAsync(OtlpProtocols.HttpProtobuf, Ct);
        var settings = new Dictionary<string, string?>
        {
            ["Chatbot:Telemetry:Otlp:Endpoint"] = collector.Endpoint.ToString(),
            ["Chatbot:Telemetry:ServiceName"] = serviceName,
            ["OTEL_SERVICE_NAME"] = otelServiceName,
        };

        var spans = await CallProbeAsync(collector, settings);

        Assert.All(spans, s => Assert.Equal(expected, s.ServiceName));
    }

    [Fact]
    public async Task GrainCall_WithOnlyTheStandardEndpointVariables_ExportsItsSpans()
    {
        await using var collector = await OtlpTraceReceiver.StartAsync(OtlpProtocols.HttpProtobuf, Ct);
        var settings = new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = OtlpProtocols.HttpProtobuf,
        };

        var spans = await CallProbeAsync(collector, settings);

        Assert.Contains(spans, s => s.Kind == OtlpSpanKind.Server);
    }

    // Pings the probe grain on a fresh silo under a parent activity; returns that trace's client and server spans of the call.
    private static async Task<List<OtlpSpan>> CallProbeAsync(OtlpTraceReceiver collector, Dictionary<string, string?> settings)
    {
        var ports = FreePort.Next(2);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = StorageProviders.Memory,
            ["Chatbot:Clustering:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            // The standard batch delay (5 s) would only slow the test down.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddChatbotSilo(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync(Ct);
        try
        {
            // Sampled, as an incoming request's would be: the SDK's parent-based sampler drops children of unsampled parents.
            using var parent = new Activity("test") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.SetIdFormat(ActivityIdFormat.W3C).Start();
            await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeGrain>(0).PingAsync();
            parent.Stop();
            var call = await collector.WaitForTraceAsync(
                parent.TraceId.ToHexString(), t => t.Count(s => s.Name.EndsWith(nameof(IProbeGrain.PingAsync), StringComparison.Ordinal)) == 2,
                TimeSpan.FromSeconds(30), Ct);
            Assert.Contains(call, s => s is { Scope: "Microsoft.Orleans.Application", Kind: OtlpSpanKind.Client } && s.ParentSpanId == parent.SpanId.ToHexString());
            return call;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
