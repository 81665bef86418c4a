namespace Chatbot.Agents;

/// <summary>Where an agent run stands.</summary>
[GenerateSerializer]
public enum AgentRunStatus
{
    /// <summary>No run with this id.</summary>
    None = 0,

    /// <summary>The run is working (or waiting to be resumed after a silo failure).</summary>
    Running = 1,

    /// <summary>The run delivered its result.</summary>
    Completed = 2,

    /// <summary>The run failed; its last event is an error.</summary>
    Failed = 3,

    /// <summary>The run was cancelled; its last event is an error with code <c>cancelled</c>.</summary>
    Cancelled = 4,
}

/// <summary>Persistent state of an <see cref="IAgentRunGrain"/>: the request, the events so far and the working memory.</summary>
[GenerateSerializer, Alias("chatbot.AgentRunState")]
public sealed class AgentRunState
{
    /// <summary>The request that started the run; null when there is no run.</summary>
    [Id(0)] public AgentRunRequest? Request { get; set; }

    /// <summary>Where the run stands.</summary>
    [Id(1)] public AgentRunStatus Status { get; set; }

    /// <summary>Every event so far, in order.</summary>
    [Id(2)] public List<AgentEvent> Events { get; set; } = [];

    /// <summary>The loop's state after the last completed step.</summary>
    [Id(3)] public AgentWorkingMemory Memory { get; set; } = new();

    /// <summary>When the run started.</summary>
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last step was stored.</summary>
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An agent run as its owner reads it: request, status, result and every event.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.AgentRunSnapshot")]
public sealed record AgentRunSnapshot
{
    /// <summary>The run id.</summary>
    [Id(0)] public required string RunId { get; init; }

    /// <summary>The request.</summary>
    [Id(1)] public required AgentRunRequest Request { get; init; }

    /// <summary>Where the run stands.</summary>
    [Id(2)] public AgentRunStatus Status { get; init; }

    /// <summary>The result, once delivered.</summary>
    [Id(3)] public string? Result { get; init; }

    /// <summary>The result's self-check score, once delivered.</summary>
    [Id(4)] public double? Confidence { get; init; }

    /// <summary>When the run started.</summary>
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last step was stored.</summary>
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every event so far.</summary>
    [Id(7)] public IReadOnlyList<AgentEvent> Events { get; init; } = [];
}

/// <summary>An episode of the user's episodic memory: one past run and its outcome.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.AgentRunSummary")]
public sealed record AgentRunSummary
{
    /// <summary>The run id (replay it with <c>GET /api/v1/agent/runs/{id}</c>).</summary>
    [Id(0)] public required string RunId { get; init; }

    /// <summary>The task.</summary>
    [Id(1)] public required string Task { get; init; }

    /// <summary>Where the run stands.</summary>
    [Id(2)] public AgentRunStatus Status { get; init; }

    /// <summary>The final self-check score, once delivered.</summary>
    [Id(3)] public double? Confidence { get; init; }

    /// <summary>The start of the result (at most 200 characters), once delivered.</summary>
    [Id(4)] public string? Outcome { get; init; }

    /// <summary>When the run started.</summary>
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the run last changed.</summary>
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What <see cref="IAgentRunGrain.StartAsync"/> did.</summary>
[GenerateSerializer]
public enum AgentRunStartOutcome
{
    /// <summary>A new run started.</summary>
    Started = 0,

    /// <summary>A run with this id exists (running or finished); stream it instead.</summary>
    Existing = 1,

    /// <summary>A run with this id belongs to another user; nothing was started.</summary>
    Forbidden = 2,
}
