using System.Text.Json;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Policy;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Chatbot.Agents.Tools;

/// <summary>
/// The tools one agent run may call: the platform's (through the <see cref="ToolInvoker"/>) and the tenant's MCP
/// servers' (through the same schema check, tenant policy, timeout and size limit), narrowed to the run's tool list.
/// Calls run on the thread pool, never on the caller's scheduler (a grain's), and never throw for a failed call: a
/// denial, a bad argument or a tool failure comes back as a <see cref="ToolResult"/> the agent can read and act on.
/// Thread-safe.
/// </summary>
public sealed class AgentToolbox
{
    private readonly Dictionary<string, McpClientTool> _mcp;
    private readonly ToolInvoker _invoker;
    private readonly IToolPolicySource _policies;
    private readonly ToolPolicyEvaluator _evaluator;
    private readonly TimeSpan _mcpTimeout;
    private readonly int _mcpMaxResultChars;
    private readonly string _tenantId;

    internal AgentToolbox(
        string tenantId, IReadOnlyList<AgentToolInfo> tools, Dictionary<string, McpClientTool> mcp, ToolInvoker invoker,
        IToolPolicySource policies, ToolPolicyEvaluator evaluator, TimeSpan mcpTimeout, int mcpMaxResultChars)
    {
        _tenantId = tenantId;
        Tools = tools;
        _mcp = mcp;
        _invoker = invoker;
        _policies = policies;
        _evaluator = evaluator;
        _mcpTimeout = mcpTimeout;
        _mcpMaxResultChars = mcpMaxResultChars;
    }

    /// <summary>The run's tools, ordered by name; <see cref="AgentToolInfo.Allowed"/> says which the policy lists.</summary>
    public IReadOnlyList<AgentToolInfo> Tools { get; }

    /// <summary>The run's tool named <paramref name="name"/>, or null.</summary>
    public AgentToolInfo? Find(string name) => Tools.FirstOrDefault(t => t.Name == name);

    /// <summary>Calls <paramref name="name"/> with <paramref name="arguments"/> (a JSON object) as call <paramref name="callId"/>.</summary>
    public Task<ToolResult> InvokeAsync(string name, JsonElement arguments, string callId, CancellationToken cancellationToken)
    {
        if (Find(name) is null)
        {
            return Task.FromResult(ToolResult.Failure(ToolErrorCodes.Denied,
                $"Denied by rule 'run.tools': the tool '{name}' is not among this run's tools ({string.Join(", ", Tools.Select(t => t.Name))})."));
        }

        var context = new ToolInvocationContext(_tenantId, callId);
        return _mcp.TryGetValue(name, out var remote)
            ? Task.Run(() => InvokeMcpAsync(remote, name, arguments, context, cancellationToken), cancellationToken)
            : Task.Run(() => _invoker.InvokeAsync(name, arguments, context, cancellationToken).AsTask(), cancellationToken);
    }

    // The same gates as ToolInvoker's, for a tool that lives on a tenant's MCP server.
    private async Task<ToolResult> InvokeMcpAsync(
        McpClientTool tool, string name, JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var errors = ArgumentSchemaValidator.Validate(tool.JsonSchema, arguments);
        if (errors.Count > 0)
        {
            return ToolResult.Failure(ToolErrorCodes.InvalidArguments, string.Join(" ", errors));
        }

        var policy = await _policies.GetPolicyAsync(context.TenantId, cancellationToken);
        var decision = _evaluator.Evaluate(policy, name, arguments);
        if (!decision.Allowed)
        {
            return ToolResult.Failure(ToolErrorCodes.Denied, decision.Reason);
        }

        using var timeout = new CancellationTokenSource(_mcpTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var values = arguments.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
            var result = await tool.CallAsync(values, cancellationToken: linked.Token);
            var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
            if (text.Length == 0 && result.StructuredContent is { } structured)
            {
                text = structured.ToString();
            }

            return (result.IsError == true ? ToolResult.Failure(ToolErrorCodes.Failed, text) : ToolResult.Success(text)).Truncate(_mcpMaxResultChars);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ToolResult.Failure(ToolErrorCodes.Timeout, $"The {name} tool did not finish within {_mcpTimeout.TotalSeconds:0.###} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ToolResult.Failure(ToolErrorCodes.Failed, $"The {name} tool failed ({ex.GetType().Name}: {ex.Message}).");
        }
    }
}
