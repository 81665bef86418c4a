using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.Agents.AgentTestClient;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary>Bad agent requests get 400 problem details naming the field; nothing runs.</summary>
public sealed class AgentValidationTests
{
    [Theory]
    [InlineData("""{"task":"  "}""", "task")]
    [InlineData("""{"agent_config":{}}""", "task")]
    [InlineData("""{"task":"x","agent_config":{"max_iterations":0}}""", "agent_config.max_iterations")]
    [InlineData("""{"task":"x","agent_config":{"max_iterations":21}}""", "agent_config.max_iterations")]
    [InlineData("""{"task":"x","agent_config":{"confidence_threshold":1.5}}""", "agent_config.confidence_threshold")]
    [InlineData("""{"task":"x","agent_config":{"confidence_threshold":-0.1}}""", "agent_config.confidence_threshold")]
    [InlineData("""{"task":"x","agent_config":{"capabilities":["reasoning","telepathy"]}}""", "agent_config.capabilities[1]")]
    [InlineData("""{"task":"x","tools":["calculator","chart_generator"]}""", "tools[1]")]
    [InlineData("""{"task":"x","output_format":"pdf"}""", "output_format")]
    [InlineData("""{"task":"x","conversation_id":"a/b"}""", "conversation_id")]
    [InlineData("""{"task":"x","agent_config":{"max_iterations":"five"}}""", "agent_config.max_iterations")]
    public async Task Execute_InvalidField_400NamingTheField(string body, string field)
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);

        using var response = await host.Client.SendAsync(Execute(body), Ct);

        await AssertProblemAsync(response, 400, field);
    }

    [Fact]
    public async Task Execute_SpecificationToolAliases_Accepted()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);

        var events = await StreamAsync(host.Client, Execute(new { task = "what is 2 * 21?", tools = new[] { "calculator", "database", "filesystem", "http", "translation" } }));

        Assert.Equal("done", events[^1].Type);
        Assert.Contains("**42**", events.Single(e => e.Type == "result").Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }
}
