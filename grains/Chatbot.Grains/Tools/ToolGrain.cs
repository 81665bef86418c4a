using System.Text.Json;
using Chatbot.Agents.Tools;
using Chatbot.Tools;
using Chatbot.Tools.Invocation;
using Orleans.Concurrency;

namespace Chatbot.Grains.Tools;

/// <summary>
/// A tenant's tools for callers outside the silo (the gateway's MCP server, request validation), keyed by the tenant
/// id. Listing asks the tenant's policy which tools it allows; calls go through the <see cref="ToolInvoker"/> (schema,
/// policy, timeout, size) on the thread pool, off the grain scheduler.
/// </summary>
[StatelessWorker]
public sealed class ToolGrain(AgentToolboxFactory toolboxes, ToolInvoker invoker) : Grain, IToolGrain
{
    public async Task<IReadOnlyList<ToolDescriptor>> ListAsync(bool includeExternal, CancellationToken cancellationToken = default)
    {
        var (tools, _) = await toolboxes.DiscoverAsync(this.GetPrimaryKeyString(), includeExternal, cancellationToken);
        return [.. tools.Select(t => new ToolDescriptor
        {
            Name = t.Name,
            Description = t.Description,
            InputSchemaJson = t.Schema.GetRawText(),
            Source = t.Source,
            Allowed = t.Allowed,
        })];
    }

    public async Task<ToolCallOutcome> InvokeAsync(string toolName, string argumentsJson, string callId, CancellationToken cancellationToken = default)
    {
        JsonElement arguments;
        try
        {
            using var document = JsonDocument.Parse(argumentsJson);
            arguments = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new ToolCallOutcome { Content = "The arguments are not valid JSON.", ErrorCode = ToolErrorCodes.InvalidArguments };
        }

        var context = new ToolInvocationContext(this.GetPrimaryKeyString(), callId);
        var result = await Task.Run(() => invoker.InvokeAsync(toolName, arguments, context, cancellationToken).AsTask(), cancellationToken);
        return new ToolCallOutcome { Content = result.Content, ErrorCode = result.ErrorCode, Truncated = result.Truncated };
    }
}
