namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>What removing a document took out of the graph.</summary>
/// <param name="RemovedEntityIds">Entities no other document mentions, removed.</param>
/// <param name="RemovedEdges">Edges no other document states, removed.</param>
/// <param name="WeakenedEdges">Edges other documents still state, kept with their confidence recomputed.</param>
public sealed record GraphRemoval(IReadOnlyList<string> RemovedEntityIds, IReadOnlyList<EdgeKey> RemovedEdges, IReadOnlyList<EdgeKey> WeakenedEdges)
{
    /// <summary>Nothing removed.</summary>
    public static GraphRemoval None { get; } = new([], [], []);

    /// <summary>Both removals, each entity and edge once (an edge between partitions is stored, and removed, by both).</summary>
    public GraphRemoval Merge(GraphRemoval other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new GraphRemoval(
            RemovedEntityIds.Union(other.RemovedEntityIds, StringComparer.Ordinal).ToList(),
            RemovedEdges.Union(other.RemovedEdges).ToList(),
            WeakenedEdges.Union(other.WeakenedEdges).ToList());
    }
}
