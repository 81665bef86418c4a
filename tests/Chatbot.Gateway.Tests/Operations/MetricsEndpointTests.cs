using System.Net;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Telemetry;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Operations;

/// <summary>
/// <c>/metrics</c> on a real gateway, scraped as Prometheus would after a chat turn. Other tests' gateways run in the
/// same process with meters of the same names, whose measurements the scrape may include, so exact counts are asserted
/// only for this test's own tenant.
/// </summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterAChatTurn_ExposesTimeToFirstTokenTokensAndHttpMetricsForPrometheus()
    {
        var tenant = "metrics-" + Guid.NewGuid().ToString("N")[..12];
        await using var host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);
        using (var health = await host.Client.GetAsync(new Uri("healthz", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var events = await ChatAsync(host.Client, ChatRequest("metrics-1", "hello there", token: TestTokens.For(tenant)));
        var scrape = await PrometheusScrape.GetAsync(host.Client, Ct);

        Assert.Equal("done", events[^1].Type);
        Assert.Equal("text/plain", scrape.ContentType?.MediaType);
        Assert.True(scrape.Sum("chatbot_chat_time_to_first_token_seconds_count") >= 1);
        Assert.Contains("chatbot_chat_time_to_first_token_seconds_bucket", scrape.SeriesNames);
        var usage = events[^1].Json.GetProperty("usage");
        Assert.Equal(usage.GetProperty("output_tokens").GetInt64(), scrape.Sum("chatbot_chat_tokens_total", "type=\"output\"", $"tenant=\"{tenant}\""));
        Assert.Equal(usage.GetProperty("input_tokens").GetInt64(), scrape.Sum("chatbot_chat_tokens_total", "type=\"input\"", $"tenant=\"{tenant}\""));
        Assert.True(scrape.Sum("chatbot_chat_turns_total", "outcome=\"ok\"") >= 1);
        // ASP.NET Core records a request once its response is finished: the health check's surely is by now.
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/healthz\"") >= 1);
        Assert.Contains("http_server_active_requests", scrape.SeriesNames);
    }
}
