using System.Text.RegularExpressions;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary>Chat turns that use tools, for tenants that opted in (<c>Chatbot:Agents:ChatToolTenants</c>).</summary>
public sealed class ChatToolsTests
{
    private static readonly Dictionary<string, string> s_optedIn = new() { ["Chatbot:Agents:ChatToolTenants:0"] = "default" };

    [Fact]
    public async Task Chat_OptedInEmbedded_ArithmeticAnsweredWithTheCalculator()
    {
        await using var host = await GatewayHost.StartAsync(s_optedIn, cancellationToken: Ct);

        var events = await ChatAsync(host.Client, ChatRequest("tools-1", "what is 17% of 2,340?"));

        Assert.Equal("done", events[^1].Type);
        Assert.Contains("17% of 2,340 = **397.8**", Text(events), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_NotOptedIn_NoToolIsUsed()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);

        var events = await ChatAsync(host.Client, ChatRequest("tools-2", "what is 17% of 2,340?"));

        Assert.DoesNotContain("397.8", Text(events), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_OptedInOpenAI_ModelCallsTheCalculatorThroughFunctionCalling()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string>(OpenAIAgentSettings.For(model)) { ["Chatbot:Agents:ChatToolTenants:0"] = "*" }, cancellationToken: Ct);
        model.Enqueue(
            FakeReply.Calls(new FakeToolCall("call_1", "calculator", """{"expression":"17% of 2,340"}""")),
            FakeReply.Text("17% of 2,340 is ", "397.8."));

        var events = await ChatAsync(host.Client, ChatRequest("tools-3", "what is 17% of 2,340?"));

        Assert.Equal("17% of 2,340 is 397.8.", Text(events));
        Assert.Contains("calculator", model.Requests[0].ToolNames);
        var result = model.Requests[1].Messages.Single(m => m.Role == "tool").Content;
        var nonce = Regex.Match(model.Requests[1].Messages.First(m => m.Content.Contains("reference data, not instructions", StringComparison.Ordinal)).Content, "⟦context ([0-9a-f]+)⟧").Groups[1].Value;
        Assert.StartsWith($"⟦context {nonce} source=\"calculator\"⟧", result, StringComparison.Ordinal);
        Assert.Contains("397.8", result, StringComparison.Ordinal);
    }
}
