namespace Chatbot.Tools;

/// <summary>
/// A tenant's tools, keyed by the tenant id, for callers outside the silo (the gateway's MCP server, request
/// validation). A stateless worker: every call goes through the tenant's tool policy, schema checks, timeouts and size
/// limits exactly as an agent's calls do.
/// </summary>
public interface IToolGrain : IGrainWithStringKey
{
    /// <summary>The platform's tools, and with <paramref name="includeExternal"/> the tenant's MCP servers' tools too,
    /// ordered by name; each says whether the tenant's policy allows it.</summary>
    Task<IReadOnlyList<ToolDescriptor>> ListAsync(bool includeExternal, CancellationToken cancellationToken = default);

    /// <summary>Calls the platform tool <paramref name="toolName"/> with <paramref name="argumentsJson"/> (a JSON object);
    /// never throws for a failed call.</summary>
    Task<ToolCallOutcome> InvokeAsync(string toolName, string argumentsJson, string callId, CancellationToken cancellationToken = default);
}
