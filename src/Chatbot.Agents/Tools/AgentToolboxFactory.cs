using Chatbot.Agents.Hosting;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Policy;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace Chatbot.Agents.Tools;

/// <summary>Builds the <see cref="AgentToolbox"/> of a run: the platform's tools and the tenant's MCP tools, narrowed to the run's list. Thread-safe.</summary>
public sealed class AgentToolboxFactory(
    ToolRegistry registry, ToolInvoker invoker, IToolPolicySource policies, ToolPolicyEvaluator evaluator,
    McpClientPool mcp, IOptionsMonitor<AgentsOptions> options)
{
    /// <summary>
    /// Every tool <paramref name="tenantId"/> could use: the platform's, and with <paramref name="includeExternal"/> its MCP
    /// servers' (connecting to them). An MCP tool whose name is taken by a platform tool is renamed <c>{server}_{name}</c>.
    /// </summary>
    public async Task<(IReadOnlyList<AgentToolInfo> Tools, Dictionary<string, McpClientTool> Mcp)> DiscoverAsync(
        string tenantId, bool includeExternal, CancellationToken cancellationToken)
    {
        var policy = await policies.GetPolicyAsync(tenantId, cancellationToken);
        var tools = registry.Definitions
            .Select(d => new AgentToolInfo(d.Name, d.Description, d.JsonSchema, AgentToolSources.Platform, policy.AllowsTool(d.Name)))
            .ToList();
        var remote = new Dictionary<string, McpClientTool>(StringComparer.Ordinal);
        if (includeExternal)
        {
            foreach (var (server, tool) in await mcp.ListToolsAsync(tenantId, cancellationToken))
            {
                var name = tools.Any(t => t.Name == tool.Name) || remote.ContainsKey(tool.Name) ? $"{server.DisplayName}_{tool.Name}" : tool.Name;
                var named = name == tool.Name ? tool : tool.WithName(name);
                remote[name] = named;
                tools.Add(new AgentToolInfo(name, tool.Description, tool.JsonSchema, AgentToolSources.McpPrefix + server.DisplayName, policy.AllowsTool(name)));
            }
        }

        return ([.. tools.OrderBy(t => t.Name, StringComparer.Ordinal)], remote);
    }

    /// <summary>
    /// The toolbox of a run of <paramref name="tenantId"/>: every tool when <paramref name="runTools"/> is null, else those
    /// named; none when <paramref name="toolUse"/> is false.
    /// </summary>
    public async Task<AgentToolbox> CreateAsync(string tenantId, IReadOnlyList<string>? runTools, bool toolUse, CancellationToken cancellationToken)
    {
        var (tools, remote) = toolUse ? await DiscoverAsync(tenantId, includeExternal: true, cancellationToken) : ([], []);
        var chosen = runTools is null ? tools : [.. tools.Where(t => runTools.Contains(t.Name, StringComparer.Ordinal))];
        var value = options.CurrentValue;
        return new AgentToolbox(
            tenantId, chosen, remote, invoker, policies, evaluator, TimeSpan.FromSeconds(value.McpCallTimeoutSeconds), value.McpMaxResultChars);
    }
}
