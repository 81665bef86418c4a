using System.ComponentModel.DataAnnotations;

namespace Chatbot.Agents.Hosting;

/// <summary>Agent runs, their memory, chat-turn tool use and tenants' MCP servers (<c>Chatbot:Agents</c>).</summary>
public sealed class AgentsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Agents";

    /// <summary>Iterations of a run whose request sets no <c>max_iterations</c> (1–20). Default 5.</summary>
    [Range(1, 20)]
    public int DefaultMaxIterations { get; set; } = 5;

    /// <summary>Self-check score accepted when a request sets no <c>confidence_threshold</c> (0–1). Default 0.8.</summary>
    [Range(0.0, 1.0)]
    public double DefaultConfidenceThreshold { get; set; } = 0.8;

    /// <summary>Tool rounds (model turns that call tools) per iteration before the agent must answer (1–50). Default 8.</summary>
    [Range(1, 50)]
    public int MaxToolRoundsPerIteration { get; set; } = 8;

    /// <summary>Tool calls one model turn may make; further calls in the same turn are refused (1–32). Default 8.</summary>
    [Range(1, 32)]
    public int MaxToolCallsPerRound { get; set; } = 8;

    /// <summary>Short-term memory: the most recent messages of a run's conversation given to the agent (0–1,000). Default 100.</summary>
    [Range(0, 1000)]
    public int ShortTermMessages { get; set; } = 100;

    /// <summary>Most characters of short-term memory a run keeps (the newest messages first; 1,000–1,000,000). Default 32,000.</summary>
    [Range(1000, 1_000_000)]
    public int ShortTermMaxChars { get; set; } = 32_000;

    /// <summary>Long-term memory: facts kept per user (1–100,000); beyond it the oldest are forgotten. Default 10,000.</summary>
    [Range(1, 100_000)]
    public int LongTermFactLimit { get; set; } = 10_000;

    /// <summary>Facts recalled per chat turn or run (0–50; 0 turns recall off). Default 5.</summary>
    [Range(0, 50)]
    public int RecallTopK { get; set; } = 5;

    /// <summary>Least cosine similarity (hashing embeddings) for a fact to be recalled (0–1). Default 0.3.</summary>
    [Range(0.0, 1.0)]
    public double RecallMinScore { get; set; } = 0.3;

    /// <summary>Episodic memory: past runs listed per user (1–100,000); the oldest go first. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int EpisodeLimit { get; set; } = 1000;

    /// <summary>How soon a durable reminder brings back a run cut short by a silo failure (at least 1 s). Default 1 minute.</summary>
    public TimeSpan RunReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tenants whose chat turns may call tools (<c>*</c>: every tenant). Empty (the default): none.</summary>
    public List<string> ChatToolTenants { get; set; } = [];

    /// <summary>MCP servers per tenant id whose tools the tenant's agents may use (subject to the tool policy).</summary>
    public Dictionary<string, List<McpServerEntry>> McpServers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Seconds one call to an MCP server's tool may take (1–600). Default 30.</summary>
    [Range(1, 600)]
    public int McpCallTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds to connect to an MCP server and list its tools (1–300). Default 10.</summary>
    [Range(1, 300)]
    public int McpConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Longest MCP tool result handed to the model, in chars (1,000–1,000,000). Default 20,000.</summary>
    [Range(1000, 1_000_000)]
    public int McpMaxResultChars { get; set; } = 20_000;

    /// <summary>True when <paramref name="tenantId"/>'s chat turns may call tools.</summary>
    public bool ChatToolsEnabled(string tenantId) =>
        ChatToolTenants.Contains("*", StringComparer.Ordinal) || ChatToolTenants.Contains(tenantId, StringComparer.Ordinal);

    /// <summary>The MCP servers configured for <paramref name="tenantId"/>.</summary>
    public IReadOnlyList<McpServerEntry> McpServersOf(string tenantId) =>
        McpServers.TryGetValue(tenantId, out var servers) ? servers : [];
}

/// <summary>One MCP server a tenant's agents use (<c>Chatbot:Agents:McpServers:{tenant}:{n}</c>).</summary>
public sealed class McpServerEntry
{
    /// <summary>Streamable HTTP endpoint, e.g. <c>https://tools.example.com/mcp</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>Short name (letters, digits, <c>_</c>, <c>-</c>) used in logs and to prefix tools whose names clash with the
    /// platform's; default: the URL's host.</summary>
    public string? Name { get; set; }

    /// <summary>Headers sent with every request, e.g. <c>Authorization</c>.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured name, or the URL's host with other characters replaced by <c>_</c>.</summary>
    public string DisplayName => Name is { Length: > 0 } name
        ? name
        : Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? new string(uri.Host.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) : "mcp";
}
