namespace Chatbot.Agents.Loop;

/// <summary>
/// One completed step of a run: the events it produced (numbered by whoever stores them) and the working memory after it.
/// Store both together, then publish the events; a run resumed from <see cref="Memory"/> continues with the next step.
/// </summary>
public sealed record AgentStep(IReadOnlyList<AgentEvent> Events, AgentWorkingMemory Memory)
{
    /// <summary>True when the run is over (its last event is terminal).</summary>
    public bool IsFinal => Memory.Phase == AgentPhases.Done;
}
