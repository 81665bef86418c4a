namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// The graph as traversal sees it, whichever partitions hold it. In a cluster the knowledge-base grain implements it
/// by fanning each call out to the partitions owning the ids (<see cref="EntityPartitioner"/>), or to all of them for
/// <see cref="FindEntitiesAsync"/>; <see cref="GraphShardSet"/> is the in-process version. Implementations are
/// thread-safe for concurrent reads.
/// </summary>
public interface IGraphNeighborSource
{
    /// <summary>Every edge touching one of <paramref name="entityIds"/>, each once, whichever direction it points.</summary>
    ValueTask<IReadOnlyList<GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default);

    /// <summary>The entities with these ids; ids nothing holds are left out.</summary>
    ValueTask<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="limit"/> entities whose names <paramref name="query"/> mentions best (<see cref="KnowledgeGraphShard.FindEntities"/>).</summary>
    ValueTask<IReadOnlyList<EntityMatch>> FindEntitiesAsync(string query, int limit, CancellationToken cancellationToken = default);
}
