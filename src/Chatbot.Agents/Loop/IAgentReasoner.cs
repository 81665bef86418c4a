using Chatbot.Agents.Tools;
using Chatbot.Conversations;

namespace Chatbot.Agents.Loop;

/// <summary>
/// The thinking of the agent loop, one decision at a time, from the working memory alone (so a resumed run decides as
/// the interrupted one would have): plan an iteration, choose the next tool calls or answer, and score the answer.
/// Implementations: a model with function calling, or the deterministic planner of the embedded provider.
/// </summary>
public interface IAgentReasoner
{
    /// <summary>The plan of the iteration <paramref name="memory"/> is at, addressing its corrections.</summary>
    ValueTask<ReasonerPlan> PlanAsync(AgentRunContext run, AgentWorkingMemory memory, AgentToolbox tools, CancellationToken cancellationToken);

    /// <summary>
    /// The next tool calls, or the answer when no call is needed (always the answer when <paramref name="mustAnswer"/>:
    /// the tool budget of the iteration is spent).
    /// </summary>
    ValueTask<ReasonerAction> NextAsync(
        AgentRunContext run, AgentWorkingMemory memory, AgentToolbox tools, bool mustAnswer, CancellationToken cancellationToken);

    /// <summary>How well <see cref="AgentWorkingMemory.Answer"/> completes the task, and what to correct if it falls short.</summary>
    ValueTask<SelfCheck> CheckAsync(AgentRunContext run, AgentWorkingMemory memory, CancellationToken cancellationToken);
}

/// <summary>A plan: its steps, the model transcript after planning, and the tokens it cost.</summary>
public sealed record ReasonerPlan(IReadOnlyList<AgentPlanStep> Steps, IReadOnlyList<AgentTranscriptEntry> Transcript, TokenUsage Usage);

/// <summary>A tool call chosen by a reasoner, tied to the plan step it serves (0: none).</summary>
public sealed record PlannedCall(AgentToolCallRecord Call, int PlanStep);

/// <summary>The next action: tool calls (with the transcript that asked for them), or the answer.</summary>
public sealed record ReasonerAction(
    IReadOnlyList<PlannedCall> Calls, string? Answer, IReadOnlyList<AgentTranscriptEntry> Transcript, TokenUsage Usage)
{
    /// <summary>An answer.</summary>
    public static ReasonerAction Answered(string answer, IReadOnlyList<AgentTranscriptEntry> transcript, TokenUsage usage) =>
        new([], answer, transcript, usage);
}

/// <summary>
/// A self-check: the score (0–1) of the answer against the task, the reasoning behind it, and corrections for another
/// iteration (none: retrying cannot help).
/// </summary>
public sealed record SelfCheck(double Confidence, IReadOnlyList<string> Findings, IReadOnlyList<string> Corrections, TokenUsage Usage);
