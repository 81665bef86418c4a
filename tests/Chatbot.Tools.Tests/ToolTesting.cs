using System.Text.Json;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Policy;
using Chatbot.Tools.Policy.Solver;
using Xunit;

namespace Chatbot.Tools.Tests;

/// <summary>Small helpers shared by the tool tests.</summary>
internal static class ToolTesting
{
    public static ToolInvocationContext Context { get; } = new("tenant-a", "call-1");

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A policy that allows every tool with no argument rules.</summary>
    public static ToolPolicy AllowAll() => new() { AllowedTools = [ToolPolicy.AnyTool] };

    /// <summary>An invoker over <paramref name="tools"/> with one policy for every tenant.</summary>
    public static ToolInvoker Invoker(ToolPolicy policy, TimeProvider timeProvider, params IAgentTool[] tools) =>
        new(new ToolRegistry(tools), new FixedPolicySource(policy), new ToolPolicyEvaluator(new Z3ConstraintSolver()), timeProvider);

    public static ToolInvoker Invoker(params IAgentTool[] tools) => Invoker(AllowAll(), TimeProvider.System, tools);

    /// <summary>Runs <paramref name="tool"/> through an allow-all invoker.</summary>
    public static ValueTask<ToolResult> RunAsync(IAgentTool tool, string arguments) =>
        Invoker(tool).InvokeAsync(tool.Definition.Name, Json(arguments), Context, TestContext.Current.CancellationToken);

    public static JsonElement Content(ToolResult result)
    {
        Assert.False(result.IsError, result.ToString());
        return Json(result.Content);
    }

    private sealed class FixedPolicySource(ToolPolicy policy) : IToolPolicySource
    {
        public ValueTask<ToolPolicy> GetPolicyAsync(string tenantId, CancellationToken cancellationToken) => ValueTask.FromResult(policy);
    }
}
