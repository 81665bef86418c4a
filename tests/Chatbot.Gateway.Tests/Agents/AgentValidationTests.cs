using System.Net;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.Agents.AgentTestClient;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary>Bad agent and memory requests get 400 problem details naming the field; nothing runs and nothing is stored.</summary>
public sealed class AgentValidationTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await GatewayHost.StartAsync(new Dictionary<string, string> { ["Chatbot:Conversations:MaxMessageChars"] = "100" }, cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"task":"  "}""", "task" },
        { """{"agent_config":{}}""", "task" },
        { $$"""{"task":"{{new string('x', 101)}}"}""", "task" },
        { """{"task":"x","agent_config":{"max_iterations":0}}""", "agent_config.max_iterations" },
        { """{"task":"x","agent_config":{"max_iterations":21}}""", "agent_config.max_iterations" },
        { """{"task":"x","agent_config":{"confidence_threshold":1.5}}""", "agent_config.confidence_threshold" },
        { """{"task":"x","agent_config":{"confidence_threshold":-0.1}}""", "agent_config.confidence_threshold" },
        { """{"task":"x","agent_config":{"capabilities":["reasoning","telepathy"]}}""", "agent_config.capabilities[1]" },
        { """{"task":"x","tools":["calculator","chart_generator"]}""", "tools[1]" },
        { """{"task":"x","output_format":"pdf"}""", "output_format" },
        { """{"task":"x","conversation_id":"a/b"}""", "conversation_id" },
        { """{"task":"x","agent_config":{"max_iterations":"five"}}""", "agent_config.max_iterations" },
        { """not json at all""", "body" },
        { """["a task"]""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Execute_InvalidField_400NamingTheFieldAndNoRunIsStored(string body, string field)
    {
        var runId = "bad-" + Guid.NewGuid().ToString("N");

        using var response = await _host.Client.SendAsync(Execute(body, requestId: runId), Ct);

        await AssertProblemAsync(response, 400, field);
        using var stored = await _host.Client.SendAsync(Get($"api/v1/agent/runs/{runId}"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        Assert.Equal(0, (await GetJsonAsync(_host.Client, "api/v1/agent/runs")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Execute_BadLastEventId_400NamingTheHeader()
    {
        using var response = await _host.Client.SendAsync(Execute(new { task = "what is 2 + 2?" }, lastEventId: "abc"), Ct);

        await AssertProblemAsync(response, 400, "Last-Event-ID");
    }

    [Fact]
    public async Task Execute_BadUserId_400NamingTheHeader()
    {
        using var response = await _host.Client.SendAsync(Execute(new { task = "what is 2 + 2?" }, user: new string('u', 257)), Ct);

        await AssertProblemAsync(response, 400, "X-User-ID");
    }

    [Theory]
    [InlineData("api/v1/agent/runs?offset=-1", "offset")]
    [InlineData("api/v1/agent/runs?limit=0", "limit")]
    [InlineData("api/v1/agent/runs?limit=201", "limit")]
    [InlineData("api/v1/memory?offset=-1", "offset")]
    [InlineData("api/v1/memory?limit=0", "limit")]
    [InlineData("api/v1/memory?limit=201", "limit")]
    [InlineData("api/v1/agent/runs?offset=first", "offset")]
    [InlineData("api/v1/memory?limit=1.5", "limit")]
    public async Task List_BadPaging_400NamingTheParameter(string path, string field)
    {
        using var response = await _host.Client.SendAsync(Get(path), Ct);

        await AssertProblemAsync(response, 400, field);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/stream")]
    [InlineData("POST", "/cancel")]
    public async Task Run_IdTooLong_400NamingTheId(string method, string suffix)
    {
        using var response = await _host.Client.SendAsync(Send(new HttpMethod(method), $"api/v1/agent/runs/{new string('r', 129)}{suffix}"), Ct);

        await AssertProblemAsync(response, 400, "id");
    }

    [Fact]
    public async Task Memory_FactTooLong_400NamingTheTextAndNothingIsRemembered()
    {
        using var response = await _host.Client.SendAsync(Send(HttpMethod.Post, "api/v1/memory", new { text = new string('f', 301) }), Ct);

        await AssertProblemAsync(response, 400, "text");
        Assert.Equal(0, (await GetJsonAsync(_host.Client, "api/v1/memory")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Execute_SpecificationToolAliases_Accepted()
    {
        var events = await StreamAsync(_host.Client, Execute(new { task = "what is 2 * 21?", tools = new[] { "calculator", "database", "filesystem", "http", "translation" } }, user: "aliases"));

        Assert.Equal("done", events[^1].Type);
        Assert.Contains("**42**", events.Single(e => e.Type == "result").Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }
}
