using Chatbot.Tools.Invocation;
using Chatbot.Tools.Policy;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Chatbot.Tools.Tests.ToolTesting;

namespace Chatbot.Tools.Tests.Invocation;

public sealed class ToolInvokerTests
{
    private const string ValidArguments = """{"amount": 12.5, "currency": "EUR"}""";

    [Fact]
    public async Task InvokeAsync_ValidCall_ReturnsToolResult()
    {
        var tool = new ScriptedTool("pay", (_, _) => ValueTask.FromResult(ToolResult.Success("paid")));

        var result = await Invoke(Invoker(tool), "pay", ValidArguments);

        Assert.Equal("paid", result.Content);
        Assert.Single(tool.Calls);
    }

    [Fact]
    public async Task InvokeAsync_UnknownTool_ReturnsUnknownTool()
    {
        var result = await Invoke(Invoker(), "launch_missiles", "{}");

        Assert.Equal(ToolErrorCodes.UnknownTool, result.ErrorCode);
    }

    [Theory]
    [InlineData("""{"currency": "EUR"}""", "$.amount: is required.")]
    [InlineData("""{"amount": "12", "currency": "EUR"}""", "$.amount: expected number, got string.")]
    [InlineData("""{"amount": -1, "currency": "EUR"}""", "$.amount: must be at least 0, got -1.")]
    [InlineData("""{"amount": 1, "currency": "GBP"}""", "$.currency: must be one of [\"EUR\", \"USD\"].")]
    [InlineData("""{"amount": 1, "currency": "EUR", "to": "me"}""", "$.to: is not a known argument.")]
    [InlineData("""{"amount": 1, "currency": "EUR", "note": "far too long for the twenty chars"}""", "$.note: allows at most 20 characters")]
    [InlineData("""[1, 2]""", "$: expected object, got array.")]
    public async Task InvokeAsync_ArgumentsBreakingTheSchema_AreRejectedBeforeTheToolRuns(string arguments, string error)
    {
        var tool = new ScriptedTool("pay", (_, _) => ValueTask.FromResult(ToolResult.Success("paid")));

        var result = await Invoke(Invoker(tool), "pay", arguments);

        Assert.Equal(ToolErrorCodes.InvalidArguments, result.ErrorCode);
        Assert.Contains(error, result.Content, StringComparison.Ordinal);
        Assert.Empty(tool.Calls);
    }

    [Fact]
    public async Task InvokeAsync_NullForNullableArgument_IsAccepted()
    {
        var tool = new ScriptedTool("pay", (_, _) => ValueTask.FromResult(ToolResult.Success("paid")));

        var result = await Invoke(Invoker(tool), "pay", """{"amount": 1, "currency": "USD", "note": null}""");

        Assert.False(result.IsError);
    }

    [Fact]
    public async Task InvokeAsync_PolicyDenies_ReturnsDeniedWithRuleAndDoesNotRun()
    {
        var tool = new ScriptedTool("pay", (_, _) => ValueTask.FromResult(ToolResult.Success("paid")));
        var policy = new ToolPolicy
        {
            AllowedTools = ["pay"],
            Rules = new Dictionary<string, ToolRule>(StringComparer.Ordinal)
            {
                ["pay"] = new() { Numbers = [new NumericRule { Argument = "amount", Maximum = 10 }] },
            },
        };

        var result = await Invoke(Invoker(policy, TimeProvider.System, tool), "pay", ValidArguments);

        Assert.Equal(ToolErrorCodes.Denied, result.ErrorCode);
        Assert.Equal("Denied by rule 'pay.numbers[0]': argument 'amount' = 12.5 is above the maximum 10.", result.Content);
        Assert.Empty(tool.Calls);
    }

    [Fact]
    public async Task InvokeAsync_ToolIgnoringCancellation_TimesOutAtItsTimeout()
    {
        var never = new TaskCompletionSource<ToolResult>();
        var tool = new ScriptedTool("pay", (_, _) => new ValueTask<ToolResult>(never.Task), timeout: TimeSpan.FromSeconds(3));
        var time = new FakeTimeProvider();
        var call = Invoke(Invoker(AllowAll(), time, tool), "pay", ValidArguments);

        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await call;

        Assert.Equal(ToolErrorCodes.Timeout, result.ErrorCode);
        Assert.Equal("The pay tool did not finish within 3 s.", result.Content);
    }

    [Fact]
    public async Task InvokeAsync_CooperativeTool_SeesItsTokenCancelledAtTheTimeout()
    {
        var cancelled = new TaskCompletionSource();
        var tool = new ScriptedTool("pay", async (_, token) =>
        {
            await using var registration = token.Register(cancelled.SetResult);
            await Task.Delay(Timeout.Infinite, token);
            return ToolResult.Success("unreachable");
        }, timeout: TimeSpan.FromSeconds(1));
        var time = new FakeTimeProvider();
        var call = Invoke(Invoker(AllowAll(), time, tool), "pay", ValidArguments);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ToolErrorCodes.Timeout, (await call).ErrorCode);
        await cancelled.Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_Throws()
    {
        var tool = new ScriptedTool("pay", async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ToolResult.Success("unreachable");
        });
        using var caller = new CancellationTokenSource();
        var call = Invoker(tool).InvokeAsync("pay", Json(ValidArguments), Context, caller.Token);

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await call);
    }

    [Fact]
    public async Task InvokeAsync_LongResult_IsCutToMaxResultCharsWithMarker()
    {
        var tool = new ScriptedTool("pay", (_, _) => ValueTask.FromResult(ToolResult.Success(new string('a', 1000))), maxResultChars: 100);

        var result = await Invoke(Invoker(tool), "pay", ValidArguments);

        Assert.True(result.Truncated);
        Assert.Equal(100, result.Content.Length);
        Assert.EndsWith("…[truncated: 1000 chars, limit 100]", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ToolThrowsToolException_ReturnsItsCode()
    {
        var tool = new ScriptedTool("pay", (_, _) => throw ToolException.NotConfigured("pay", "Pay:Key"));

        var result = await Invoke(Invoker(tool), "pay", ValidArguments);

        Assert.Equal(ToolErrorCodes.NotConfigured, result.ErrorCode);
        Assert.Equal("The pay tool is not configured: set Pay:Key.", result.Content);
    }

    [Fact]
    public async Task InvokeAsync_ToolCrashes_ReturnsFailedWithoutInternals()
    {
        var tool = new ScriptedTool("pay", (_, _) => throw new InvalidOperationException("password=hunter2"));

        var result = await Invoke(Invoker(tool), "pay", ValidArguments);

        Assert.Equal(ToolErrorCodes.Failed, result.ErrorCode);
        Assert.DoesNotContain("hunter2", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_DuplicateNames_AreRefused()
    {
        var one = new ScriptedTool("pay", (_, _) => default);
        var two = new ScriptedTool("pay", (_, _) => default);

        Assert.Throws<ArgumentException>(() => new ToolRegistry([one, two]));
    }

    private static ValueTask<ToolResult> Invoke(ToolInvoker invoker, string tool, string arguments) =>
        invoker.InvokeAsync(tool, Json(arguments), Context, TestContext.Current.CancellationToken);
}
