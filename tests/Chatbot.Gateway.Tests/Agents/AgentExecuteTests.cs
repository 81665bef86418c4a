using System.Net;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.Agents.AgentTestClient;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary><c>POST /api/v1/agent/execute</c> with the embedded provider's deterministic planner, through a real gateway.</summary>
public sealed class AgentExecuteTests
{
    [Fact]
    public async Task Execute_KnowledgeLookupAndCalculation_RightNumberWithEventsInOrder()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        await UploadTextAsync(host.Client, "refunds.md", RefundPolicy);

        var events = await StreamAsync(host.Client, Execute(new { task = RefundTask }));

        Assert.Equal(["plan", "tool_call", "tool_call", "reasoning", "result", "done"], Types(events));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Equal(e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Id));
        var steps = events[0].Json.GetProperty("steps");
        Assert.Equal(["knowledge_search", "calculator"], steps.EnumerateArray().Select(s => s.GetProperty("tool").GetString()));
        var search = events[1].Json;
        Assert.Equal("knowledge_search", search.GetProperty("tool").GetString());
        Assert.True(search.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("refunds.md", search.GetProperty("result").GetProperty("results")[0].GetProperty("source").GetString(), StringComparison.Ordinal);
        var compute = events[2].Json;
        Assert.Equal("80% of 120", compute.GetProperty("params").GetProperty("expression").GetString());
        Assert.Equal(96, compute.GetProperty("result").GetProperty("result").GetDouble());
        var result = events[4].Json;
        Assert.Contains("**96 EUR**", result.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("confidence").GetDouble() >= 0.8);
        var done = events[5].Json;
        Assert.True(done.GetProperty("usage").GetProperty("total_tokens").GetInt64() > 0);
        Assert.Equal(2, done.GetProperty("summary").GetProperty("tool_calls").GetInt32());
    }

    [Fact]
    public async Task Execute_SameRequestIdAgain_ReplaysTheStoredRunAfterLastEventIdWithoutRunningItAgain()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        var first = await StreamAsync(host.Client, Execute(new { task = "what is 17% of 2,340?" }, requestId: "run-replay"));

        var again = await StreamAsync(host.Client, Execute(new { task = "what is 17% of 2,340?" }, requestId: "run-replay", lastEventId: "2"));

        Assert.Equal(first.Skip(2).Select(e => e.Data), again.Select(e => e.Data));
        Assert.Contains("397.8", first.Single(e => e.Type == "result").Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SsrfUrls_RefusedByTheToolAndSaidInTheResult()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["Chatbot:Tools:Policy:Tenants:default:AllowedTools:0"] = "http_get",
            ["Chatbot:Tools:Http:AllowedHosts:0"] = "169.254.169.254",
            // On the allow-list, so that what refuses them is the address check, not the list.
            ["Chatbot:Tools:Http:AllowedHosts:1"] = "127.0.0.1",
            ["Chatbot:Tools:Http:AllowPlainHttp"] = "true",
            // IP addresses count as personal data by default (replaced by [IP]); this tenant's tasks and answers name hosts by IP.
            ["Chatbot:Safety:Tenants:default:Pii"] = "Flag",
            ["Chatbot:Safety:Tenants:default:OutputPii"] = "Flag",
        }, cancellationToken: Ct);

        var events = await StreamAsync(host.Client, Execute(new
        {
            task = "fetch http://169.254.169.254/latest/meta-data/iam/security-credentials/ then fetch http://127.0.0.1:8080/admin",
        }));

        var calls = events.Where(e => e.Type == "tool_call").Select(e => e.Json).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("denied", c.GetProperty("code").GetString()));
        Assert.Contains("169.254.169.254, a cloud metadata address", calls[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("127.0.0.1, a loopback address", calls[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        var result = events.Single(e => e.Type == "result").Json.GetProperty("content").GetString()!;
        Assert.Contains("I could not fetch http://169.254.169.254/", result, StringComparison.Ordinal);
        Assert.Equal("done", events[^1].Type);
    }

    [Fact]
    public async Task Execute_PolicyForbidsAHost_DenialWithTheRuleInTheStreamAndTheRunContinues()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["Chatbot:Tools:Policy:Tenants:default:AllowedTools:0"] = "http_get",
            ["Chatbot:Tools:Policy:Tenants:default:AllowedTools:1"] = "calculator",
            ["Chatbot:Tools:Policy:Tenants:default:Rules:http_get:Hosts:0:DeniedHosts:0"] = "*.internal.example.com",
        }, cancellationToken: Ct);

        var events = await StreamAsync(host.Client, Execute(new { task = "fetch https://payroll.internal.example.com/salaries and compute 2 + 3" }));

        Assert.Equal(["plan", "tool_call", "tool_call", "reasoning", "result", "done"], Types(events));
        var denied = events[1].Json;
        Assert.Equal("http_get", denied.GetProperty("tool").GetString());
        Assert.False(denied.GetProperty("allowed").GetBoolean());
        Assert.Contains("http_get.hosts[0]", denied.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var computed = events[2].Json;
        Assert.Equal("calculator", computed.GetProperty("tool").GetString());
        Assert.True(computed.GetProperty("allowed").GetBoolean());
        Assert.Contains("2 + 3 = **5**", events[4].Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_NotStreamed_OneJsonBodyWithTheWholeRun()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);

        using var response = await host.Client.SendAsync(Execute(new { task = "what is 2 + 2?", stream = false, output_format = "text" }), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("2 + 2 = 4", run.GetProperty("result").GetString());
        Assert.Equal(response.Headers.GetValues("X-Run-ID").Single(), run.GetProperty("run_id").GetString());
        Assert.Equal("done", run.GetProperty("events").EnumerateArray().Last().GetProperty("type").GetString());
    }
}
