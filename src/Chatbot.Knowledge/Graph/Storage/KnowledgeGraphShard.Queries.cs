using Chatbot.Knowledge.Graph.Resolution;

namespace Chatbot.Knowledge.Graph.Storage;

public sealed partial class KnowledgeGraphShard
{
    /// <summary>Every entity held, in id order.</summary>
    public IEnumerable<GraphNode> Nodes => _nodes.Keys.Order(StringComparer.Ordinal).Select(id => GetNode(id)!);

    /// <summary>Every edge held.</summary>
    public IEnumerable<GraphEdge> Edges => _edges.Keys.Select(Edge);

    /// <summary>The entity with id <paramref name="entityId"/>, or <see langword="null"/> when this shard does not hold it.</summary>
    public GraphNode? GetNode(string entityId)
    {
        if (!_nodes.TryGetValue(entityId, out var mentions))
        {
            return null;
        }

        // The canonical form (the name whose own key is the entity's key) displays best: "World Health Organization", not "WHO".
        var names = mentions.GroupBy(m => m.Mention.Name, StringComparer.Ordinal)
            .OrderByDescending(g => EntityKeys.IdOf(EntityKeys.Normalize(g.Key)) == entityId)
            .ThenByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var type = mentions.GroupBy(m => m.Mention.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var chunks = mentions.Select(m => new ChunkRef(m.DocumentId, m.Mention.ChunkId)).Distinct().ToList();
        return new GraphNode(entityId, names[0], type, names, chunks);
    }

    /// <summary>The entities among <paramref name="entityIds"/> this shard holds.</summary>
    public IReadOnlyList<GraphNode> GetNodes(IEnumerable<string> entityIds) =>
        entityIds.Distinct(StringComparer.Ordinal).Select(GetNode).OfType<GraphNode>().ToList();

    /// <summary>Every edge touching one of <paramref name="entityIds"/>, each once, in either direction.</summary>
    public IReadOnlyList<GraphEdge> GetEdges(IEnumerable<string> entityIds)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        var keys = new HashSet<EdgeKey>();
        foreach (var id in entityIds)
        {
            if (_adjacency.TryGetValue(id, out var adjacent))
            {
                keys.UnionWith(adjacent);
            }
        }

        return keys.Select(Edge).ToList();
    }

    /// <summary>
    /// Entities whose names the query mentions, best first (<see cref="EntityMatch.Rank"/>): a name found whole in the
    /// query scores 1, otherwise 0.9 × the IDF-weighted share of its terms the query contains (English words and Chinese
    /// character bigrams).
    /// </summary>
    public IReadOnlyList<EntityMatch> FindEntities(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        return EntityMatch.Rank(_names.Match(query).Select(m => new EntityMatch(GetNode(m.EntityId)!, m.Score, m.Name)))
            .Take(limit)
            .ToList();
    }

    private GraphEdge Edge(EdgeKey key)
    {
        var supports = _edges[key];
        return new GraphEdge(key, GraphEdge.Combine(supports.Select(s => s.Confidence)), supports.ToArray());
    }
}
