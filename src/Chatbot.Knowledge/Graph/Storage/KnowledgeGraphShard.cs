namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// The graph one partition holds: the entities it owns and every edge touching them, each remembering which
/// document and chunk supports it, so a document can be taken back out exactly. A partition's grain keeps one of these
/// in memory and persists it with <see cref="WriteTo"/>; traversal reads it through <see cref="IGraphNeighborSource"/>.
/// Thread-safety: one writer at a time; reads may run concurrently with each other but not with a mutation.
/// </summary>
public sealed partial class KnowledgeGraphShard
{
    private readonly Dictionary<string, List<(string DocumentId, NodeMention Mention)>> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<EdgeKey, List<EdgeSupport>> _edges = [];
    private readonly Dictionary<string, HashSet<EdgeKey>> _adjacency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HashSet<string> Nodes, HashSet<EdgeKey> Edges)> _documents = new(StringComparer.Ordinal);
    private readonly EntityNameIndex _names = new();

    /// <summary>Entities held.</summary>
    public int NodeCount => _nodes.Count;

    /// <summary>Edges held.</summary>
    public int EdgeCount => _edges.Count;

    /// <summary>Documents that contributed.</summary>
    public IReadOnlyCollection<string> DocumentIds => _documents.Keys;

    /// <summary>Adds a document's graph, replacing what an earlier version of the same document contributed.</summary>
    public void AddDocument(DocumentGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        foreach (var id in Add(graph))
        {
            _names.Update(id, _nodes[id].Select(m => m.Mention.Name));
        }
    }

    /// <summary>
    /// Adds many documents' graphs (as <see cref="AddDocument"/> would one by one) and indexes each entity's names once at
    /// the end: a partition loading thousands of documents would otherwise re-index a popular entity's names once per
    /// document that mentions it.
    /// </summary>
    public void AddDocuments(IEnumerable<DocumentGraph> graphs)
    {
        ArgumentNullException.ThrowIfNull(graphs);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            touched.UnionWith(Add(graph));
        }

        foreach (var id in touched)
        {
            _names.Update(id, _nodes.TryGetValue(id, out var mentions) ? mentions.Select(m => m.Mention.Name) : []);
        }
    }

    // Adds the graph's mentions and supports; returns the entities whose names the name index must learn.
    private HashSet<string> Add(DocumentGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        RemoveDocument(graph.DocumentId);
        var (nodes, edges) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<EdgeKey>());
        foreach (var mention in graph.Nodes)
        {
            if (!_nodes.TryGetValue(mention.EntityId, out var mentions))
            {
                _nodes[mention.EntityId] = mentions = [];
            }

            mentions.Add((graph.DocumentId, mention));
            nodes.Add(mention.EntityId);
        }

        foreach (var mention in graph.Edges)
        {
            if (!_edges.TryGetValue(mention.Key, out var supports))
            {
                _edges[mention.Key] = supports = [];
                Adjacent(mention.Key.SourceId).Add(mention.Key);
                Adjacent(mention.Key.TargetId).Add(mention.Key);
            }

            supports.Add(new EdgeSupport(graph.DocumentId, mention.ChunkId, mention.Confidence, mention.EvidenceStart, mention.EvidenceEnd));
            edges.Add(mention.Key);
        }

        _documents[graph.DocumentId] = (nodes, edges);
        return nodes;
    }

    /// <summary>
    /// Takes a document back out: its supports leave every node and edge; nodes and edges nothing else supports go, the
    /// rest stay with their confidence and names recomputed from what remains.
    /// </summary>
    public GraphRemoval RemoveDocument(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        if (!_documents.Remove(documentId, out var contributed))
        {
            return GraphRemoval.None;
        }

        var (nodesRemoved, edgesRemoved, edgesWeakened) = (new List<string>(), new List<EdgeKey>(), new List<EdgeKey>());
        foreach (var key in contributed.Edges)
        {
            var supports = _edges[key];
            supports.RemoveAll(s => s.DocumentId == documentId);
            if (supports.Count > 0)
            {
                edgesWeakened.Add(key);
                continue;
            }

            _edges.Remove(key);
            Detach(key.SourceId, key);
            Detach(key.TargetId, key);
            edgesRemoved.Add(key);
        }

        foreach (var id in contributed.Nodes)
        {
            var mentions = _nodes[id];
            mentions.RemoveAll(m => m.DocumentId == documentId);
            if (mentions.Count == 0)
            {
                _nodes.Remove(id);
                nodesRemoved.Add(id);
            }

            _names.Update(id, mentions.Select(m => m.Mention.Name));
        }

        return new GraphRemoval(nodesRemoved, edgesRemoved, edgesWeakened);
    }

    private HashSet<EdgeKey> Adjacent(string id)
    {
        if (!_adjacency.TryGetValue(id, out var keys))
        {
            _adjacency[id] = keys = [];
        }

        return keys;
    }

    private void Detach(string id, EdgeKey key)
    {
        if (_adjacency.TryGetValue(id, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            _adjacency.Remove(id);
        }
    }
}
