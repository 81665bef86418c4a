using System.Collections.Frozen;

namespace Chatbot.Tools.Invocation;

/// <summary>
/// The tools available to agents, by name. Built once from the registered <see cref="IAgentTool"/>s; immutable and
/// thread-safe. Which tools a tenant may call is the policy's business, not the registry's.
/// </summary>
public sealed class ToolRegistry
{
    private readonly FrozenDictionary<string, IAgentTool> _tools;

    /// <summary>Creates the registry; throws <see cref="ArgumentException"/> when two tools share a name.</summary>
    public ToolRegistry(IEnumerable<IAgentTool> tools)
    {
        var byName = new Dictionary<string, IAgentTool>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (!byName.TryAdd(tool.Definition.Name, tool))
            {
                throw new ArgumentException($"Two tools are registered under the name '{tool.Definition.Name}'.", nameof(tools));
            }
        }

        _tools = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Tools = [.. byName.Values.OrderBy(t => t.Definition.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every registered tool, ordered by name.</summary>
    public IReadOnlyList<IAgentTool> Tools { get; }

    /// <summary>The definitions of every registered tool, ordered by name.</summary>
    public IEnumerable<ToolDefinition> Definitions => Tools.Select(t => t.Definition);

    /// <summary>Finds a tool by its exact (case-sensitive) name.</summary>
    public bool TryGet(string name, out IAgentTool tool) => _tools.TryGetValue(name, out tool!);
}
