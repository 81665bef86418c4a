using System.Runtime.CompilerServices;
using Chatbot.Tools.Calculator;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Policy;
using Microsoft.Extensions.AI;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Invocation;

public sealed class AgentToolFunctionTests
{
    [Fact]
    public async Task GetFunctionsAsync_OnlyToolsThePolicyAllows_WithTheirSchemas()
    {
        var invoker = Invoker(new ToolPolicy { AllowedTools = ["calculator"] }, TimeProvider.System,
            new CalculatorTool(), new ScriptedTool("pay", (_, _) => default));

        var functions = await invoker.GetFunctionsAsync(Context, TestContext.Current.CancellationToken);

        var function = Assert.Single(functions);
        Assert.Equal("calculator", function.Name);
        Assert.Equal("object", function.JsonSchema.GetProperty("type").GetString());
        Assert.True(function.JsonSchema.GetProperty("properties").TryGetProperty("expression", out _));
    }

    [Fact]
    public async Task InvokeAsync_ThroughAIFunction_GoesThroughTheInvoker()
    {
        var functions = await Invoker(new CalculatorTool()).GetFunctionsAsync(Context, TestContext.Current.CancellationToken);

        var ok = await functions[0].InvokeAsync(new AIFunctionArguments { ["expression"] = "2,340 * 17%" }, TestContext.Current.CancellationToken);
        var invalid = await functions[0].InvokeAsync(new AIFunctionArguments { ["expr"] = "1" }, TestContext.Current.CancellationToken);

        Assert.Contains("397.8", (string)ok!, StringComparison.Ordinal);
        Assert.StartsWith("error (invalid_arguments):", (string)invalid!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionInvokingChatClient_ModelCallsTool_GetsResultBack()
    {
        var model = new CallingModel();
        var functions = await Invoker(new CalculatorTool()).GetFunctionsAsync(Context, TestContext.Current.CancellationToken);
        using var client = new FunctionInvokingChatClient(model);

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "What is 17% of 2,340?")], new ChatOptions { Tools = [.. functions] }, TestContext.Current.CancellationToken);

        Assert.Equal("The answer is 397.8.", response.Text);
        var toolResult = Assert.Single(model.SecondPrompt!.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Contains("397.8", toolResult.Result!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A model that asks for the calculator once, then answers with what the tool returned.</summary>
    private sealed class CallingModel : IChatClient
    {
        public List<ChatMessage>? SecondPrompt { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var prompt = messages.ToList();
            if (prompt.SelectMany(m => m.Contents).OfType<FunctionResultContent>().FirstOrDefault() is not { } result)
            {
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant,
                    [new FunctionCallContent("call-1", "calculator", new Dictionary<string, object?> { ["expression"] = "17% of 2,340" })])));
            }

            SecondPrompt = prompt;
            var value = System.Text.Json.JsonDocument.Parse(result.Result!.ToString()!).RootElement.GetProperty("text").GetString();
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"The answer is {value}.")));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
