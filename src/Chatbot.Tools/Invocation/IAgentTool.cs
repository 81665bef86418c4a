using System.Text.Json;

namespace Chatbot.Tools.Invocation;

/// <summary>
/// A tool an agent can call. Implementations are thread-safe and stateless per call; they do the work only and leave
/// argument validation against <see cref="ToolDefinition.JsonSchema"/>, policy, timeout and result size to the
/// <see cref="ToolInvoker"/>, which is how every call should be made.
/// </summary>
public interface IAgentTool
{
    /// <summary>Name, description, argument schema and limits.</summary>
    ToolDefinition Definition { get; }

    /// <summary>
    /// Runs the tool. Expected failures are returned as <see cref="ToolResult.Failure"/> or thrown as
    /// <see cref="ToolException"/>. Honours <paramref name="cancellationToken"/>, which the invoker cancels at the timeout.
    /// </summary>
    /// <param name="arguments">The arguments object, already validated against the schema.</param>
    /// <param name="context">Tenant and call id.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up or the timeout passes.</param>
    ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken);
}
