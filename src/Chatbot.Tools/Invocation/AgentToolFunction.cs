using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Chatbot.Tools.Invocation;

/// <summary>
/// A tool seen through Microsoft.Extensions.AI: name, description and schema from its <see cref="ToolDefinition"/>,
/// invocation through the <see cref="ToolInvoker"/> (validation, policy, timeout, size). Returns the result text,
/// errors included as <c>error (code): message</c>, so the model can recover instead of the call throwing.
/// </summary>
internal sealed class AgentToolFunction(ToolDefinition definition, ToolInvoker invoker, ToolInvocationContext context) : AIFunction
{
    public override string Name => definition.Name;

    public override string Description => definition.Description;

    public override JsonElement JsonSchema => definition.JsonSchema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToElement(
            arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal), AIJsonUtilities.DefaultOptions);
        var result = await invoker.InvokeAsync(definition.Name, json, context, cancellationToken);
        return result.ToString();
    }
}
