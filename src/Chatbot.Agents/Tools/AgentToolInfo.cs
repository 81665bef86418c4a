using System.Text.Json;

namespace Chatbot.Agents.Tools;

/// <summary>Known values of <see cref="AgentToolInfo.Source"/>.</summary>
public static class AgentToolSources
{
    /// <summary>The platform's own tools (<c>ToolRegistry</c>).</summary>
    public const string Platform = "platform";

    /// <summary>Prefix of a tenant MCP server's tools: <c>mcp:{server}</c>.</summary>
    public const string McpPrefix = "mcp:";
}

/// <summary>A tool an agent run may call: what the model is told about it and whether the tenant's policy lists it.</summary>
/// <param name="Name">The name the tool is called by.</param>
/// <param name="Description">What it does.</param>
/// <param name="Schema">JSON Schema of its arguments object.</param>
/// <param name="Source"><see cref="AgentToolSources.Platform"/> or <c>mcp:{server}</c>.</param>
/// <param name="Allowed">True when the tenant's policy allows the tool (argument rules still apply per call).</param>
public sealed record AgentToolInfo(string Name, string Description, JsonElement Schema, string Source, bool Allowed);
