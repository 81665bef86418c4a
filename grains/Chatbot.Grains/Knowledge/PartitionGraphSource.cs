using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Grains.Knowledge;

/// <summary>
/// A dataset's graph as traversal sees it, read from its partition grains: each call groups the entity ids by the
/// partition owning them (<see cref="EntityPartitioner"/>) and asks those partitions in parallel, one call each, so a
/// traversal hop costs one round of grain calls whatever the size of its frontier. Entity lookup asks every partition.
/// Thread-safe; holds no state of its own.
/// </summary>
public sealed class PartitionGraphSource(IReadOnlyList<IKnowledgePartitionGrain> partitions) : IGraphNeighborSource
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
    {
        var answers = await Task.WhenAll(Route(entityIds).Select(r => partitions[r.Partition].GetGraphEdgesAsync(r.Ids)));
        cancellationToken.ThrowIfCancellationRequested();

        // An edge between two partitions is stored, with the same supports, by both.
        var edges = new Dictionary<EdgeKey, GraphEdge>();
        foreach (var record in answers.SelectMany(a => a))
        {
            var edge = record.ToEdge();
            edges.TryAdd(edge.Key, edge);
        }

        return [.. edges.Values];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
    {
        var answers = await Task.WhenAll(Route(entityIds).Select(r => partitions[r.Partition].GetGraphNodesAsync(r.Ids)));
        cancellationToken.ThrowIfCancellationRequested();
        return [.. answers.SelectMany(a => a).Select(n => n.ToNode())];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<EntityMatch>> FindEntitiesAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        var answers = await Task.WhenAll(partitions.Select(p => p.FindGraphEntitiesAsync(query, limit)));
        cancellationToken.ThrowIfCancellationRequested();
        return [.. EntityMatch.Rank(answers.SelectMany(a => a).Select(m => m.ToMatch())).Take(limit)];
    }

    private IEnumerable<(int Partition, List<string> Ids)> Route(IReadOnlyCollection<string> entityIds) =>
        entityIds.Distinct(StringComparer.Ordinal)
            .GroupBy(id => EntityPartitioner.PartitionOf(id, partitions.Count))
            .Select(g => (g.Key, g.ToList()));
}
