namespace Chatbot.Agents;

/// <summary>
/// One agent run of one tenant, keyed by <see cref="AgentRunKey"/>. It owns the run: the loop continues when no client
/// listens, every step (its events and the working memory) is stored before it is published, a run interrupted by a
/// silo failure resumes from its last stored step on another silo, and a finished run can be replayed. Only the user
/// who started a run may read or cancel it.
/// </summary>
public interface IAgentRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run, or finds the run already started under this id (idempotent for its owner).</summary>
    Task<AgentRunStartOutcome> StartAsync(AgentRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the run's events with <see cref="AgentEvent.Seq"/> greater than <paramref name="afterSeq"/> until the
    /// terminal event: live while the run works, replayed once it finished. Ends at once (no events) for an unknown run
    /// or another user's. Stopping the enumeration does not stop the run.
    /// </summary>
    IAsyncEnumerable<AgentEvent> StreamEventsAsync(string userId, long afterSeq, CancellationToken cancellationToken = default);

    /// <summary>The run with every event so far; null for an unknown run or another user's.</summary>
    Task<AgentRunSnapshot?> GetAsync(string userId);

    /// <summary>Cancels a running run (its last event becomes an error with code <c>cancelled</c>). False when it is not running or not the user's.</summary>
    Task<bool> CancelAsync(string userId);
}
