using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>What a graph search found.</summary>
/// <param name="Seeds">The query entities it started from.</param>
/// <param name="Paths">Paths, best first.</param>
/// <param name="NodesExplored">Distinct entities reached, seeds included (the API's <c>total_nodes_explored</c>).</param>
public sealed record GraphSearchResult(IReadOnlyList<EntityMatch> Seeds, IReadOnlyList<GraphPath> Paths, int NodesExplored);
