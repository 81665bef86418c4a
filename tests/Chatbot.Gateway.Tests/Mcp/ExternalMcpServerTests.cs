using Chatbot.Gateway.Tests.Agents;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Mcp;
using Xunit;
using static Chatbot.Gateway.Tests.Agents.AgentTestClient;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Mcp;

/// <summary>Agents using a tool from an MCP server configured for their tenant (<c>Chatbot:Agents:McpServers</c>).</summary>
public sealed class ExternalMcpServerTests
{
    [Fact]
    public async Task Execute_ModelCallsTheTenantsMcpTool_CalledOnThatServerThroughThePolicyWithItsHeaders()
    {
        await using var tools = await LoopbackMcpServer.StartAsync(Ct);
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model,
            ("Chatbot:Agents:McpServers:default:0:Url", tools.Url.ToString()),
            ("Chatbot:Agents:McpServers:default:0:Name", "warehouse"),
            ("Chatbot:Agents:McpServers:default:0:Headers:Authorization", "Bearer warehouse-secret"),
            ("Chatbot:Tools:Policy:Tenants:default:AllowedTools:0", "inventory_lookup"),
            ("Chatbot:Tools:Policy:Tenants:default:AllowedTools:1", "calculator")), cancellationToken: Ct);
        model.Enqueue(
            FakeReply.Text("1. Look up the stock with inventory_lookup."),
            FakeReply.Calls(new FakeToolCall("call_1", LoopbackMcpServer.InventoryTool, """{"sku":"X200"}""")),
            FakeReply.Text("There are 42 X200 drills in stock."),
            OpenAIAgentSettings.Check(0.9));

        var listed = await GetJsonAsync(host.Client, "api/v1/agent/tools");
        var events = await StreamAsync(host.Client, Execute(new { task = "How many X200 drills are in stock?", tools = new[] { "inventory_lookup" } }));

        var tool = listed.GetProperty("tools").EnumerateArray().Single(t => t.GetProperty("name").GetString() == LoopbackMcpServer.InventoryTool);
        Assert.Equal("mcp:warehouse", tool.GetProperty("source").GetString());
        Assert.True(tool.GetProperty("allowed").GetBoolean());
        var call = events.Single(e => e.Type == "tool_call").Json;
        Assert.Equal(LoopbackMcpServer.InventoryTool, call.GetProperty("tool").GetString());
        Assert.Equal(42, call.GetProperty("result").GetProperty("in_stock").GetInt32());
        Assert.Equal("X200", Assert.Single(tools.Calls)["sku"].GetString());
        Assert.All(tools.Authorizations, a => Assert.Equal("Bearer warehouse-secret", a));
        Assert.Equal([LoopbackMcpServer.InventoryTool], model.Requests[1].ToolNames);
        Assert.Equal("There are 42 X200 drills in stock.", events.Single(e => e.Type == "result").Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Execute_McpToolNotInThePolicy_DeniedWithTheRuleAndNeverCalled()
    {
        await using var tools = await LoopbackMcpServer.StartAsync(Ct);
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model,
            ("Chatbot:Agents:McpServers:default:0:Url", tools.Url.ToString())), cancellationToken: Ct);
        model.Enqueue(
            FakeReply.Text("1. inventory_lookup."),
            FakeReply.Calls(new FakeToolCall("call_1", LoopbackMcpServer.InventoryTool, """{"sku":"X200"}""")),
            FakeReply.Text("I am not allowed to check the stock."),
            OpenAIAgentSettings.Check(0.9));

        var events = await StreamAsync(host.Client, Execute(new { task = "How many X200 drills are in stock?" }));

        var call = events.Single(e => e.Type == "tool_call").Json;
        Assert.False(call.GetProperty("allowed").GetBoolean());
        Assert.Contains("allowed_tools", call.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(tools.Calls);
        Assert.DoesNotContain(LoopbackMcpServer.InventoryTool, model.Requests[1].ToolNames);
    }
}
