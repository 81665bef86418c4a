using Chatbot.Conversations;

namespace Chatbot.Agents;

/// <summary>Phases of the agent loop, as stored in <see cref="AgentWorkingMemory.Phase"/>.</summary>
public static class AgentPhases
{
    /// <summary>Nothing done yet: guard the task, recall memories.</summary>
    public const string Start = "start";

    /// <summary>Make (or remake, with corrections) the plan of the current iteration.</summary>
    public const string Plan = "plan";

    /// <summary>Call tools and observe their results until the reasoner has an answer.</summary>
    public const string Act = "act";

    /// <summary>Score the answer against the task; accept it or retry with corrections.</summary>
    public const string Check = "check";

    /// <summary>The run has delivered its result.</summary>
    public const string Done = "done";
}

/// <summary>
/// The working memory of an agent run: everything the loop needs to continue from the last completed step, stored
/// with the run after every step. A run resumed on another silo continues from here. Immutable; each step makes a new one.
/// </summary>
[GenerateSerializer, Immutable, Alias("chatbot.AgentWorkingMemory")]
public sealed record AgentWorkingMemory
{
    /// <summary>The next phase to run, one of <see cref="AgentPhases"/>.</summary>
    [Id(0)] public string Phase { get; init; } = AgentPhases.Start;

    /// <summary>The current iteration, 1-based (0 before the first plan).</summary>
    [Id(1)] public int Iteration { get; init; }

    /// <summary>The current iteration's plan.</summary>
    [Id(2)] public IReadOnlyList<AgentPlanStep> Plan { get; init; } = [];

    /// <summary>Tool results observed in the current iteration, in call order.</summary>
    [Id(3)] public IReadOnlyList<AgentObservation> Observations { get; init; } = [];

    /// <summary>The model's messages of the current iteration (model-driven reasoners only).</summary>
    [Id(4)] public IReadOnlyList<AgentTranscriptEntry> Transcript { get; init; } = [];

    /// <summary>The current iteration's answer, once the reasoner has one.</summary>
    [Id(5)] public string? Answer { get; init; }

    /// <summary>Corrections from the last self-check that the next iteration must address.</summary>
    [Id(6)] public IReadOnlyList<string> Corrections { get; init; } = [];

    /// <summary>Model tokens used so far.</summary>
    [Id(7)] public TokenUsage Usage { get; init; } = TokenUsage.Zero;

    /// <summary>Tool calls made so far, denied ones included.</summary>
    [Id(8)] public int ToolCalls { get; init; }

    /// <summary>The task as the guard passed it (sanitised when the tenant's policy says so).</summary>
    [Id(9)] public string? Task { get; init; }

    /// <summary>Long-term memories recalled for the task.</summary>
    [Id(10)] public IReadOnlyList<string> Recalled { get; init; } = [];

    /// <summary>Short-term memory: the recent messages of the conversation the run belongs to.</summary>
    [Id(11)] public IReadOnlyList<ChatTurnMessage> History { get; init; } = [];

    /// <summary>Tool rounds taken in the current iteration.</summary>
    [Id(12)] public int ToolRounds { get; init; }

    /// <summary>The best answer of any finished iteration, delivered when no iteration reaches the threshold.</summary>
    [Id(13)] public string? BestAnswer { get; init; }

    /// <summary>The self-check score of <see cref="BestAnswer"/>.</summary>
    [Id(14)] public double BestConfidence { get; init; }

    /// <summary>Observations of the iteration that produced <see cref="BestAnswer"/>.</summary>
    [Id(15)] public IReadOnlyList<AgentObservation> BestObservations { get; init; } = [];
}

/// <summary>One tool result the agent observed.</summary>
/// <param name="CallId">Id of the call (the model's id, or one the loop made).</param>
/// <param name="Tool">The tool called.</param>
/// <param name="ParamsJson">The arguments as a JSON object text.</param>
/// <param name="Content">The result text, or the error message.</param>
/// <param name="ErrorCode">The tool error code; null on success.</param>
/// <param name="PlanStep">The plan step (1-based) the call served; 0 when not tied to one.</param>
[GenerateSerializer, Immutable, Alias("chatbot.AgentObservation")]
public sealed record AgentObservation(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Tool,
    [property: Id(2)] string ParamsJson,
    [property: Id(3)] string Content,
    [property: Id(4)] string? ErrorCode,
    [property: Id(5)] int PlanStep)
{
    /// <summary>True when the call failed or was denied.</summary>
    public bool IsError => ErrorCode is not null;
}

/// <summary>A message of a model-driven agent's transcript, in a form that can be stored and sent across silos.</summary>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Text">The message text (for <c>tool</c>: the result as the model sees it).</param>
/// <param name="ToolCalls">Calls an <c>assistant</c> message asked for; null for none.</param>
/// <param name="ToolCallId">The call a <c>tool</c> message answers.</param>
[GenerateSerializer, Immutable, Alias("chatbot.AgentTranscriptEntry")]
public sealed record AgentTranscriptEntry(
    [property: Id(0)] string Role,
    [property: Id(1)] string Text,
    [property: Id(2)] IReadOnlyList<AgentToolCallRecord>? ToolCalls = null,
    [property: Id(3)] string? ToolCallId = null);

/// <summary>A function call a model asked for.</summary>
/// <param name="CallId">The model's id of the call.</param>
/// <param name="Tool">The tool name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object text.</param>
[GenerateSerializer, Immutable, Alias("chatbot.AgentToolCallRecord")]
public sealed record AgentToolCallRecord(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Tool,
    [property: Id(2)] string ArgumentsJson);
