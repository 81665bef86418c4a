using System.Net;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Telemetry;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Operations;

/// <summary><c>/metrics</c> on a real gateway, scraped as Prometheus would after a chat turn.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterAChatTurn_ExposesTimeToFirstTokenTokensAndHttpMetricsForPrometheus()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        using (var health = await host.Client.GetAsync(new Uri("healthz", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var events = await ChatAsync(host.Client, ChatRequest("metrics-1", "hello there"));
        var scrape = await PrometheusScrape.GetAsync(host.Client, Ct);

        Assert.Equal("done", events[^1].Type);
        Assert.Equal("text/plain", scrape.ContentType?.MediaType);
        Assert.Equal(1, scrape.Sum("chatbot_chat_time_to_first_token_seconds_count"));
        Assert.Contains("chatbot_chat_time_to_first_token_seconds_bucket", scrape.SeriesNames);
        var usage = events[^1].Json.GetProperty("usage");
        Assert.Equal(usage.GetProperty("output_tokens").GetInt64(), scrape.Sum("chatbot_chat_tokens_total", "type=\"output\"", "tenant=\"default\""));
        Assert.Equal(usage.GetProperty("input_tokens").GetInt64(), scrape.Sum("chatbot_chat_tokens_total", "type=\"input\""));
        Assert.Equal(1, scrape.Sum("chatbot_chat_turns_total", "outcome=\"ok\""));
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/v1/chat/stream\"") >= 1);
    }
}
