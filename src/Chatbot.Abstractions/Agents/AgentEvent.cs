namespace Chatbot.Agents;

/// <summary>Kinds of <see cref="AgentEvent"/>, as sent in the SSE <c>type</c> field.</summary>
public static class AgentEventTypes
{
    /// <summary>The steps the agent intends to take (<see cref="AgentEvent.Steps"/>); one per iteration.</summary>
    public const string Plan = "plan";

    /// <summary>The agent's reasoning so far (<see cref="AgentEvent.Chain"/>): observations and the self-check.</summary>
    public const string Reasoning = "reasoning";

    /// <summary>One tool call with its parameters, and its result or error (denials carry the policy's reason).</summary>
    public const string ToolCall = "tool_call";

    /// <summary>The answer (<see cref="AgentEvent.Content"/>) with the self-check's <see cref="AgentEvent.Confidence"/>.</summary>
    public const string Result = "result";

    /// <summary>The run is complete; carries token usage and a summary. Always the last event of a successful run.</summary>
    public const string Done = "done";

    /// <summary>The run failed or was cancelled; carries a code and message. Always the last event of such a run.</summary>
    public const string Error = "error";
}

/// <summary>
/// One event of an agent run. <see cref="Seq"/> starts at 1 and strictly increases within a run; it is the SSE
/// <c>id</c>, so a client that reconnects with <c>Last-Event-ID: k</c> receives the events with <c>Seq &gt; k</c>. Events
/// are persisted before anyone sees them, so a replay after a silo failure repeats none and loses none. Immutable.
/// </summary>
[GenerateSerializer, Immutable, Alias("chatbot.AgentEvent")]
public sealed record AgentEvent
{
    /// <summary>One of <see cref="AgentEventTypes"/>.</summary>
    [Id(0)] public required string Type { get; init; }

    /// <summary>Position in the run's stream, starting at 1 (0 in a template not yet appended).</summary>
    [Id(1)] public long Seq { get; init; }

    /// <summary>The iteration (1-based) of the plan → act → observe → reflect loop the event belongs to.</summary>
    [Id(2)] public int Iteration { get; init; }

    /// <summary>Steps of a <see cref="AgentEventTypes.Plan"/> event.</summary>
    [Id(3)] public IReadOnlyList<AgentPlanStep>? Steps { get; init; }

    /// <summary>Reasoning lines of a <see cref="AgentEventTypes.Reasoning"/> event, in order.</summary>
    [Id(4)] public IReadOnlyList<string>? Chain { get; init; }

    /// <summary>The tool of a <see cref="AgentEventTypes.ToolCall"/> event.</summary>
    [Id(5)] public string? Tool { get; init; }

    /// <summary>The tool call's parameters as a JSON object text.</summary>
    [Id(6)] public string? ParamsJson { get; init; }

    /// <summary>The tool's result text, when the call succeeded.</summary>
    [Id(7)] public string? ToolResult { get; init; }

    /// <summary>The error message, when the call failed or was denied.</summary>
    [Id(8)] public string? ToolError { get; init; }

    /// <summary>False when the tenant's policy (or the run's tool list) denied the call; true otherwise.</summary>
    [Id(9)] public bool? Allowed { get; init; }

    /// <summary>Why the call was denied, naming the rule; null when allowed.</summary>
    [Id(10)] public string? Reason { get; init; }

    /// <summary>The answer of a <see cref="AgentEventTypes.Result"/> event.</summary>
    [Id(11)] public string? Content { get; init; }

    /// <summary>The self-check's score (0–1) of how well the answer completes the task.</summary>
    [Id(12)] public double? Confidence { get; init; }

    /// <summary>Token usage of the whole run, for <see cref="AgentEventTypes.Done"/>.</summary>
    [Id(13)] public Conversations.TokenUsage? Usage { get; init; }

    /// <summary>Run summary of a <see cref="AgentEventTypes.Done"/> event.</summary>
    [Id(14)] public AgentRunOutcome? Summary { get; init; }

    /// <summary>Machine-readable code of an <see cref="AgentEventTypes.Error"/> event, or the tool's error code.</summary>
    [Id(15)] public string? Code { get; init; }

    /// <summary>Human-readable message of an <see cref="AgentEventTypes.Error"/> event.</summary>
    [Id(16)] public string? Message { get; init; }

    /// <summary>True for <see cref="AgentEventTypes.Done"/> and <see cref="AgentEventTypes.Error"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsTerminal => Type is AgentEventTypes.Done or AgentEventTypes.Error;
}

/// <summary>One step of an agent's plan.</summary>
/// <param name="Index">1-based position in the plan.</param>
/// <param name="Description">What the step does, in words.</param>
/// <param name="Tool">The tool the step intends to use; null for a step the agent does itself.</param>
[GenerateSerializer, Immutable, Alias("chatbot.AgentPlanStep")]
public sealed record AgentPlanStep(
    [property: Id(0)] int Index,
    [property: Id(1)] string Description,
    [property: Id(2)] string? Tool);

/// <summary>The summary carried by a <see cref="AgentEventTypes.Done"/> event.</summary>
/// <param name="Iterations">Loop iterations used (1 to the run's <c>max_iterations</c>).</param>
/// <param name="ToolCalls">Tool calls made, denied ones included.</param>
/// <param name="Confidence">The final self-check score.</param>
/// <param name="MetThreshold">True when <paramref name="Confidence"/> reached the run's <c>confidence_threshold</c>.</param>
[GenerateSerializer, Immutable, Alias("chatbot.AgentRunOutcome")]
public sealed record AgentRunOutcome(
    [property: Id(0)] int Iterations,
    [property: Id(1)] int ToolCalls,
    [property: Id(2)] double Confidence,
    [property: Id(3)] bool MetThreshold);
