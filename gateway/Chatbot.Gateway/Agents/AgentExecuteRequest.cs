namespace Chatbot.Gateway.Agents;

/// <summary>Body of <c>POST /api/v1/agent/execute</c> (field names as in the specification, snake_case on the wire).</summary>
public sealed record AgentExecuteRequest
{
    /// <summary>The task in the user's words. Required.</summary>
    public string? Task { get; init; }

    /// <summary>How the agent works; defaults from <c>Chatbot:Agents</c> when absent.</summary>
    public AgentConfigDto? AgentConfig { get; init; }

    /// <summary>Tools the run may use (platform or MCP tool names, or the specification's aliases); all the policy allows when absent.</summary>
    public List<string>? Tools { get; init; }

    /// <summary><c>markdown</c> (default), <c>text</c> or <c>json</c>.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>A conversation whose recent messages are the run's short-term memory.</summary>
    public string? ConversationId { get; init; }

    /// <summary>SSE when true (default); one JSON body when the run is over when false.</summary>
    public bool? Stream { get; init; }
}

/// <summary>The <c>agent_config</c> object.</summary>
public sealed record AgentConfigDto
{
    /// <summary><c>reasoning</c>, <c>planning</c>, <c>tool_use</c>, <c>memory</c>; all when absent.</summary>
    public List<string>? Capabilities { get; init; }

    /// <summary>1–20.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>0–1.</summary>
    public double? ConfidenceThreshold { get; init; }
}
