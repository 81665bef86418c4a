namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// Writes the text of a community's summary from its extractive summary (central entities and supporting sentences)
/// and its strongest relations. Implementations are thread-safe; <see cref="DatasetCommunities.SummarizeAsync"/> calls
/// one for several communities at once.
/// </summary>
public interface ICommunitySummaryWriter
{
    /// <summary>The summary text of one community; never throws for a failed model call, the extractive text stands in.</summary>
    /// <param name="summary">The community's extractive summary.</param>
    /// <param name="relations">The community's strongest relations, strongest first.</param>
    /// <param name="cancellationToken">Cancels the write (and rethrows).</param>
    Task<string> WriteAsync(CommunitySummary summary, IReadOnlyList<CommunityRelation> relations, CancellationToken cancellationToken = default);
}
