using System.Text.Json;
using Chatbot.Tools.Policy;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Tools.Invocation;

/// <summary>
/// The one way to call a tool: finds it, validates the arguments against its schema, asks the tenant's policy,
/// runs it under its timeout and cuts its result to size. Never throws for a failed call; the outcome is a
/// <see cref="ToolResult"/> the model can read. Cancellation by the caller is rethrown. Thread-safe.
/// </summary>
public sealed partial class ToolInvoker
{
    private readonly ToolRegistry _registry;
    private readonly IToolPolicySource _policies;
    private readonly ToolPolicyEvaluator _evaluator;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the invoker.</summary>
    public ToolInvoker(
        ToolRegistry registry, IToolPolicySource policies, ToolPolicyEvaluator evaluator, TimeProvider timeProvider, ILogger<ToolInvoker>? logger = null)
    {
        _registry = registry;
        _policies = policies;
        _evaluator = evaluator;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Calls <paramref name="toolName"/> with <paramref name="arguments"/> (a JSON object) for <paramref name="context"/>.</summary>
    public async ValueTask<ToolResult> InvokeAsync(
        string toolName, JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        // 1. The tool must exist.
        if (!_registry.TryGet(toolName, out var tool))
        {
            return Finish(toolName, context, ToolResult.Failure(ToolErrorCodes.UnknownTool, $"There is no tool named '{toolName}'."), 0);
        }

        // 2. The arguments must match its schema.
        var errors = ArgumentSchemaValidator.Validate(tool.Definition.JsonSchema, arguments);
        if (errors.Count > 0)
        {
            return Finish(toolName, context, ToolResult.Failure(ToolErrorCodes.InvalidArguments, string.Join(" ", errors)), 0);
        }

        // 3. The tenant's policy must allow this call with these arguments.
        var policy = await _policies.GetPolicyAsync(context.TenantId, cancellationToken);
        var decision = _evaluator.Evaluate(policy, toolName, arguments);
        if (!decision.Allowed)
        {
            LogDenied(_logger, toolName, context.TenantId, context.CallId, decision.Reason);
            return Finish(toolName, context, ToolResult.Failure(ToolErrorCodes.Denied, decision.Reason), 0);
        }

        // 4. Run it under its timeout; a tool that ignores its token is abandoned, not awaited.
        var started = _timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(tool.Definition.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ToolResult result;
        try
        {
            result = await tool.InvokeAsync(arguments, context, linked.Token).AsTask().WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            result = ToolResult.Failure(ToolErrorCodes.Timeout, $"The {toolName} tool did not finish within {tool.Definition.Timeout.TotalSeconds:0.###} s.");
        }
        catch (ToolException ex)
        {
            result = ToolResult.Failure(ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The model gets the kind of failure only; the details (which may name internals) go to the log.
            LogCrashed(_logger, ex, toolName, context.TenantId, context.CallId);
            result = ToolResult.Failure(ToolErrorCodes.Failed, $"The {toolName} tool failed ({ex.GetType().Name}).");
        }

        // 5. Cut the result to the size the tool promised.
        return Finish(toolName, context, result.Truncate(tool.Definition.MaxResultChars), _timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// The tools <paramref name="context"/>'s tenant may call, as <see cref="AIFunction"/>s for
    /// <see cref="ChatOptions.Tools"/>: a function-calling <see cref="IChatClient"/> then calls them through this invoker.
    /// </summary>
    public async ValueTask<IReadOnlyList<AIFunction>> GetFunctionsAsync(ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var policy = await _policies.GetPolicyAsync(context.TenantId, cancellationToken);
        return [.. _registry.Tools.Where(t => policy.AllowsTool(t.Definition.Name)).Select(t => new AgentToolFunction(t.Definition, this, context))];
    }

    private ToolResult Finish(string toolName, ToolInvocationContext context, ToolResult result, double elapsedMs)
    {
        LogCompleted(_logger, toolName, context.TenantId, context.CallId, result.ErrorCode ?? "ok", elapsedMs);
        return result;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Tool {Tool} for tenant {TenantId} (call {CallId}) finished: {Outcome} in {ElapsedMs:0.#} ms")]
    private static partial void LogCompleted(ILogger logger, string tool, string tenantId, string callId, string outcome, double elapsedMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Tool {Tool} for tenant {TenantId} (call {CallId}) denied: {Reason}")]
    private static partial void LogDenied(ILogger logger, string tool, string tenantId, string callId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Tool {Tool} for tenant {TenantId} (call {CallId}) threw")]
    private static partial void LogCrashed(ILogger logger, Exception exception, string tool, string tenantId, string callId);
}
