using Chatbot.Agents;

namespace Chatbot.Memory;

/// <summary>Persistent state of an <see cref="IUserMemoryGrain"/>: the user's long-term facts and episodes (past runs).</summary>
[GenerateSerializer, Alias("chatbot.UserMemoryState")]
public sealed class UserMemoryState
{
    /// <summary>Facts, oldest first (capped; the oldest go first).</summary>
    [Id(0)] public List<MemoryFact> Facts { get; set; } = [];

    /// <summary>Past agent runs, oldest first (capped; the oldest go first).</summary>
    [Id(1)] public List<AgentRunSummary> Episodes { get; set; } = [];
}
