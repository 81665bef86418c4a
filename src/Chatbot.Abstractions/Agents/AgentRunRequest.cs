namespace Chatbot.Agents;

/// <summary>Known values of <see cref="AgentRunRequest.Capabilities"/>.</summary>
public static class AgentCapabilities
{
    /// <summary>Emit <c>reasoning</c> events (observations and the self-check).</summary>
    public const string Reasoning = "reasoning";

    /// <summary>Emit a <c>plan</c> event at the start of each iteration.</summary>
    public const string Planning = "planning";

    /// <summary>Call tools; without it the agent works from the task alone and says what it cannot do.</summary>
    public const string ToolUse = "tool_use";

    /// <summary>Recall the user's long-term memories and remember facts the task states.</summary>
    public const string Memory = "memory";

    /// <summary>Every known capability, the default when a request names none.</summary>
    public static IReadOnlyList<string> All { get; } = [Reasoning, Planning, ToolUse, Memory];

    /// <summary>True when <paramref name="capability"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? capability) => capability is not null && All.Contains(capability, StringComparer.Ordinal);
}

/// <summary>Known values of <see cref="AgentRunRequest.OutputFormat"/>.</summary>
public static class AgentOutputFormats
{
    /// <summary>Markdown (default).</summary>
    public const string Markdown = "markdown";

    /// <summary>Plain text.</summary>
    public const string Text = "text";

    /// <summary>A JSON object <c>{"answer": …, "steps": […]}</c>.</summary>
    public const string Json = "json";

    /// <summary>Every known format.</summary>
    public static IReadOnlyList<string> All { get; } = [Markdown, Text, Json];
}

/// <summary>What an agent run is asked to do, as validated at the edge. Immutable.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.AgentRunRequest")]
public sealed record AgentRunRequest
{
    /// <summary>The task in the user's words.</summary>
    [Id(0)] public required string Task { get; init; }

    /// <summary>Enabled capabilities, from <see cref="AgentCapabilities"/>.</summary>
    [Id(1)] public IReadOnlyList<string> Capabilities { get; init; } = AgentCapabilities.All;

    /// <summary>Most plan → act → observe → reflect iterations (1–20).</summary>
    [Id(2)] public int MaxIterations { get; init; } = 5;

    /// <summary>Self-check score (0–1) from which an answer is accepted; below it the agent retries with corrections.</summary>
    [Id(3)] public double ConfidenceThreshold { get; init; } = 0.8;

    /// <summary>Tools the run may use (platform or MCP tool names); null: every tool the tenant's policy allows.</summary>
    [Id(4)] public IReadOnlyList<string>? Tools { get; init; }

    /// <summary>One of <see cref="AgentOutputFormats"/>.</summary>
    [Id(5)] public string OutputFormat { get; init; } = AgentOutputFormats.Markdown;

    /// <summary>The user the run belongs to (JWT subject, or the anonymous user id); owns its memories and episodes.</summary>
    [Id(6)] public required string UserId { get; init; }

    /// <summary>A conversation whose recent messages are the run's short-term memory; null for none.</summary>
    [Id(7)] public string? ConversationId { get; init; }

    /// <summary>True when <paramref name="capability"/> is enabled.</summary>
    public bool Has(string capability) => Capabilities.Contains(capability, StringComparer.Ordinal);
}
