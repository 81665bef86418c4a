namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>An entity a query names, and how well.</summary>
/// <param name="Node">The entity.</param>
/// <param name="Score">1 when one of its names appears whole in the query; otherwise 0.9 × the IDF-weighted share of a name's terms the query contains.</param>
/// <param name="MatchedName">The name that matched best.</param>
public sealed record EntityMatch(GraphNode Node, double Score, string MatchedName)
{
    /// <summary>
    /// The order every entity lookup returns matches in, whichever partition holds them: best score first; among equal
    /// scores the longer matched name (<c>Kiss and Tell</c> before <c>Kiss</c>), then the entity fewer chunks mention (the
    /// more specific), then the id.
    /// </summary>
    public static IEnumerable<EntityMatch> Rank(IEnumerable<EntityMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return matches.OrderByDescending(m => m.Score).ThenByDescending(m => m.MatchedName.Length)
            .ThenBy(m => m.Node.Chunks.Count).ThenBy(m => m.Node.Id, StringComparer.Ordinal);
    }
}
