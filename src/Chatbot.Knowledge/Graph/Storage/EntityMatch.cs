namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>An entity a query names, and how well.</summary>
/// <param name="Node">The entity.</param>
/// <param name="Score">1 when one of its names appears whole in the query; otherwise the IDF-weighted share of a name's terms the query contains.</param>
/// <param name="MatchedName">The name that matched best.</param>
public sealed record EntityMatch(GraphNode Node, double Score, string MatchedName);
