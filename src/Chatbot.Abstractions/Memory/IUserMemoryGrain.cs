using Chatbot.Agents;

namespace Chatbot.Memory;

/// <summary>
/// One user's long-term and episodic memory, keyed by <see cref="UserKey"/>: facts the user stated or confirmed
/// (capped, recalled by similarity, viewable and deletable by the user) and the list of the user's agent runs with
/// their outcomes.
/// </summary>
public interface IUserMemoryGrain : IGrainWithStringKey
{
    /// <summary>Remembers <paramref name="facts"/> of <paramref name="kind"/> (<see cref="MemoryFactKinds"/>); a fact already
    /// remembered (same text, case and spacing aside) is not added again. Returns the facts as stored.</summary>
    Task<IReadOnlyList<MemoryFact>> RememberAsync(IReadOnlyList<string> facts, string kind, string? source);

    /// <summary>The <paramref name="topK"/> facts most similar to <paramref name="query"/> with a score of at least <paramref name="minScore"/>, best first.</summary>
    Task<IReadOnlyList<RecalledFact>> RecallAsync(string query, int topK, double minScore);

    /// <summary>A page of facts, newest first.</summary>
    Task<MemoryPage> ListAsync(int offset, int limit);

    /// <summary>Forgets the fact with <paramref name="factId"/>; false when there is none.</summary>
    Task<bool> ForgetAsync(string factId);

    /// <summary>Adds or updates the episode of a run (by run id).</summary>
    Task RecordEpisodeAsync(AgentRunSummary episode);

    /// <summary>A page of the user's runs, newest first, with the total count.</summary>
    Task<(int Total, IReadOnlyList<AgentRunSummary> Items)> ListEpisodesAsync(int offset, int limit);
}
