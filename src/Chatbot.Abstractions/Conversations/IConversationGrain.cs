namespace Chatbot.Conversations;

/// <summary>
/// One conversation of one tenant, keyed by <see cref="ConversationKey"/>. It owns the history and the generation of
/// answers: a turn runs to completion and is stored even when no client is listening. One turn runs at a time.
/// </summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a turn, or finds the existing turn with the same <see cref="TurnRequest.RequestId"/>. Returns
    /// <see cref="TurnStartOutcome.Busy"/> without storing anything when a different turn is running.
    /// </summary>
    Task<TurnStart> StartTurnAsync(TurnRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the events of a turn with <see cref="ChatEvent.Seq"/> greater than <paramref name="afterSeq"/>, until the
    /// terminal event. Events of a running turn arrive as they are produced; a finished turn's are replayed. Stopping
    /// the enumeration does not stop the turn. Yields one <see cref="ChatEventTypes.Error"/> event with code
    /// <c>turn_not_found</c> when the request id is unknown.
    /// </summary>
    IAsyncEnumerable<ChatEvent> StreamTurnAsync(string requestId, long afterSeq, CancellationToken cancellationToken = default);

    /// <summary>Stops the running turn with <paramref name="requestId"/>; its partial answer is stored as incomplete.
    /// Returns false when that turn is not running.</summary>
    Task<bool> StopTurnAsync(string requestId);

    /// <summary>The request id of the running turn, or else of the last finished one; null when there is none.</summary>
    Task<string?> GetLatestRequestIdAsync();

    /// <summary>The conversation with its full history; null when it has never had a turn (or was deleted).</summary>
    Task<ConversationSnapshot?> GetAsync();

    /// <summary>Deletes the conversation and its history. Returns false when it did not exist.</summary>
    Task<bool> DeleteAsync();
}
