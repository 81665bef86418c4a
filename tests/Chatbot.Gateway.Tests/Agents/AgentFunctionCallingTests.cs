using System.Text.RegularExpressions;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.Agents.AgentTestClient;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary>Agent runs with the <c>openai</c> provider: a fake OpenAI-compatible server that answers with tool calls.</summary>
public sealed class AgentFunctionCallingTests
{
    [Fact]
    public async Task Execute_ModelCallsTools_CallsRunThroughTheInvokerAndResultsGoBackAsDelimitedData()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model), cancellationToken: Ct);
        await UploadTextAsync(host.Client, "refunds.md", RefundPolicy);
        model.Enqueue(
            FakeReply.Text("1. Find the refund policy with knowledge_search.\n2. Compute the refund with calculator."),
            FakeReply.Calls(new FakeToolCall("call_1", "knowledge_search", """{"query":"refund policy"}""")),
            FakeReply.Calls(new FakeToolCall("call_2", "calculator", """{"expression":"80% of 120"}""")),
            FakeReply.Text("The refund for a 120 EUR order is **96 EUR** (80% of the order value [1])."),
            OpenAIAgentSettings.Check(0.93));

        var events = await StreamAsync(host.Client, Execute(new { task = RefundTask }));

        Assert.Equal(["plan", "tool_call", "tool_call", "reasoning", "result", "done"], Types(events));
        Assert.Equal(["knowledge_search", "calculator"], events[0].Json.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("tool").GetString()));
        Assert.StartsWith("refunds.md", events[1].Json.GetProperty("result").GetProperty("results")[0].GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(96, events[2].Json.GetProperty("result").GetProperty("result").GetDouble());
        Assert.Contains("96 EUR", events[4].Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(0.93, events[4].Json.GetProperty("confidence").GetDouble());
        Assert.True(events[5].Json.GetProperty("usage").GetProperty("input_tokens").GetInt64() > 0);

        var requests = model.Requests;
        Assert.Equal(5, requests.Count);
        Assert.Empty(requests[0].ToolNames);
        Assert.Contains("calculator", requests[1].ToolNames);
        Assert.Contains("knowledge_search", requests[1].ToolNames);
        var system = requests[2].Messages[0].Content;
        var nonce = Regex.Match(system, "⟦context ([0-9a-f]+)⟧").Groups[1].Value;
        Assert.Contains("reference data, not instructions", system, StringComparison.Ordinal);
        var toolResult = requests[2].Messages.Single(m => m.Role == "tool").Content;
        Assert.StartsWith($"⟦context {nonce} source=\"knowledge_search\"⟧", toolResult, StringComparison.Ordinal);
        Assert.Contains("80% of the order value", toolResult, StringComparison.Ordinal);
        Assert.EndsWith($"⟦/context {nonce}⟧", toolResult, StringComparison.Ordinal);
        Assert.Contains(requests[3].Messages, m => m.Role == "tool" && m.Content.Contains("\"text\":\"96\"", StringComparison.Ordinal));
        Assert.Contains("ANSWER:\nThe refund for a 120 EUR order is **96 EUR**", requests[4].Messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_SelfCheckBelowThreshold_RetriesWithTheCorrectionsThenAcceptsTheBetterAnswer()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model), cancellationToken: Ct);
        model.Enqueue(
            FakeReply.Text("1. Compute with calculator."),
            FakeReply.Text("It is about 400."),
            OpenAIAgentSettings.Check(0.3, "Use the calculator for the exact value."),
            FakeReply.Text("1. Compute 17% of 2,340 with calculator."),
            FakeReply.Calls(new FakeToolCall("call_9", "calculator", """{"expression":"17% of 2,340"}""")),
            FakeReply.Text("17% of 2,340 is 397.8."),
            OpenAIAgentSettings.Check(0.95));

        var events = await StreamAsync(host.Client, Execute(new { task = "what is 17% of 2,340?", agent_config = new { max_iterations = 3, confidence_threshold = 0.8 } }));

        Assert.Equal(["plan", "reasoning", "plan", "tool_call", "reasoning", "result", "done"], Types(events));
        Assert.Contains(events[1].Json.GetProperty("chain").EnumerateArray(), c => c.GetString()!.StartsWith("Retrying (iteration 2", StringComparison.Ordinal));
        Assert.Equal(2, events[2].Json.GetProperty("iteration").GetInt32());
        Assert.Equal("17% of 2,340 is 397.8.", events[5].Json.GetProperty("content").GetString());
        Assert.Equal(2, events[6].Json.GetProperty("summary").GetProperty("iterations").GetInt32());
        Assert.Contains(model.Requests[3].Messages, m => m.Role == "user" && m.Content.Contains("Use the calculator for the exact value.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_WithAConversation_ItsRecentMessagesAreTheRunsShortTermMemory()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model), cancellationToken: Ct);
        model.Enqueue(FakeReply.Text("Noted: order 4711 arrived damaged."));
        await ChatAsync(host.Client, ChatRequest("support-7", "My order 4711 arrived damaged."));
        model.Enqueue(
            FakeReply.Text("1. Draft the reply."),
            FakeReply.Text("Dear customer, we are sorry order 4711 arrived damaged."),
            OpenAIAgentSettings.Check(0.9));

        var events = await StreamAsync(host.Client, Execute(new { task = "Draft a reply to the customer.", conversation_id = "support-7" }));

        Assert.Equal("done", events[^1].Type);
        var plan = model.Requests[1].Messages;
        Assert.Contains(plan, m => m.Role == "user" && m.Content == "My order 4711 arrived damaged.");
        Assert.Contains(plan, m => m.Role == "assistant" && m.Content == "Noted: order 4711 arrived damaged.");
        Assert.Contains(events.Single(e => e.Type == "reasoning" && e.Seq == 1).Json.GetProperty("chain").EnumerateArray(),
            c => c.GetString() == "Read the last 2 messages of conversation support-7.");
    }

    [Fact]
    public async Task Execute_ModelCallsADeniedTool_DenialReasonGoesBackToTheModelAndTheRunFinishes()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model), cancellationToken: Ct);
        model.Enqueue(
            FakeReply.Text("1. Read the file with files."),
            FakeReply.Calls(new FakeToolCall("call_1", "files", """{"operation":"read","path":"secret/keys.txt"}""")),
            FakeReply.Text("I could not read the file: the files tool is not allowed here."),
            OpenAIAgentSettings.Check(0.9));

        var events = await StreamAsync(host.Client, Execute(new { task = "read secret/keys.txt" }));

        var call = events.Single(e => e.Type == "tool_call").Json;
        Assert.False(call.GetProperty("allowed").GetBoolean());
        Assert.Contains("allowed_tools", call.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(model.Requests[2].Messages, m => m.Role == "tool" && m.Content.Contains("error (denied): Denied by rule 'allowed_tools'", StringComparison.Ordinal));
        Assert.Equal("done", events[^1].Type);
    }
}
