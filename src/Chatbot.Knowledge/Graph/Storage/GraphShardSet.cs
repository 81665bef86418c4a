namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// A partitioned graph in one process: document graphs are split by entity (<see cref="DocumentGraph.ForPartition"/>)
/// over <see cref="KnowledgeGraphShard"/>s, and reads fan out exactly as the grain version will. Used by tests and by
/// single-process tools. Thread-safety as <see cref="KnowledgeGraphShard"/>.
/// </summary>
public sealed class GraphShardSet : IGraphNeighborSource
{
    private readonly KnowledgeGraphShard[] _shards;

    /// <summary>Creates <paramref name="partitions"/> empty shards.</summary>
    public GraphShardSet(int partitions = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        _shards = Enumerable.Range(0, partitions).Select(_ => new KnowledgeGraphShard()).ToArray();
    }

    /// <summary>The shards, by partition.</summary>
    public IReadOnlyList<KnowledgeGraphShard> Shards => _shards;

    /// <summary>Adds (or replaces) a document's graph, each shard taking its part.</summary>
    public void AddDocument(DocumentGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        for (var p = 0; p < _shards.Length; p++)
        {
            _shards[p].AddDocument(graph.ForPartition(p, _shards.Length));
        }
    }

    /// <summary>Removes a document from every shard; returns what went, each entity and edge once.</summary>
    public GraphRemoval RemoveDocument(string documentId) =>
        _shards.Select(s => s.RemoveDocument(documentId)).Aggregate(GraphRemoval.None, (a, b) => a.Merge(b));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var edges = new Dictionary<EdgeKey, GraphEdge>();
        foreach (var (shard, ids) in Route(entityIds))
        {
            foreach (var edge in shard.GetEdges(ids))
            {
                edges.TryAdd(edge.Key, edge);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<GraphEdge>>(edges.Values.ToList());
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<GraphNode>> GetNodesAsync(IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<GraphNode>>(Route(entityIds).SelectMany(r => r.Shard.GetNodes(r.Ids)).ToList());
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EntityMatch>> FindEntitiesAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var matches = EntityMatch.Rank(_shards.SelectMany(s => s.FindEntities(query, limit))).Take(limit).ToList();
        return ValueTask.FromResult<IReadOnlyList<EntityMatch>>(matches);
    }

    private IEnumerable<(KnowledgeGraphShard Shard, List<string> Ids)> Route(IReadOnlyCollection<string> entityIds)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        return entityIds.Distinct(StringComparer.Ordinal)
            .GroupBy(id => EntityPartitioner.PartitionOf(id, _shards.Length))
            .Select(g => (_shards[g.Key], g.ToList()));
    }
}
