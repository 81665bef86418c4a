using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// A dataset's communities, ready to summarise: detected over every edge of the dataset's graph
/// (<see cref="CommunityDetector"/>), at the finest level and at the best (coarsest) one, keeping communities of at
/// least <c>minSize</c> entities, the largest first, at most <c>maxCommunities</c>. Summarising needs the text of the
/// chunks stating the communities' inner edges (<see cref="ChunkIds"/>), which the caller fetches. Not thread-safe.
/// </summary>
public sealed class DatasetCommunities
{
    private readonly List<(Community Community, List<GraphEdge> Inside)> _selected;
    private readonly IReadOnlyDictionary<string, GraphNode> _nodes;

    private DatasetCommunities(List<(Community, List<GraphEdge>)> selected, IReadOnlyDictionary<string, GraphNode> nodes)
    {
        _selected = selected;
        _nodes = nodes;
    }

    /// <summary>Communities selected for a summary.</summary>
    public int Count => _selected.Count;

    /// <summary>The chunks whose sentences the summaries may quote.</summary>
    public IReadOnlyCollection<string> ChunkIds =>
        _selected.SelectMany(s => s.Inside).SelectMany(e => e.Supports).Select(s => s.ChunkId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Detects and selects communities of the graph given by <paramref name="nodes"/> and <paramref name="edges"/>.</summary>
    public static DatasetCommunities Detect(
        IEnumerable<GraphNode> nodes, IReadOnlyCollection<GraphEdge> edges, CommunityOptions options, int maxCommunities, int minSize)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        var byId = nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var detected = new CommunityDetector(options).Detect(edges);
        int[] levels = detected.LevelCount == 1 ? [0] : [0, detected.LevelCount - 1];
        var selected = new List<(Community, List<GraphEdge>)>();
        foreach (var level in levels)
        {
            var communities = detected.At(level).Where(c => c.EntityIds.Count >= minSize).ToList();
            var home = communities.SelectMany(c => c.EntityIds.Select(id => (id, c.Id))).ToDictionary(p => p.id, p => p.Id, StringComparer.Ordinal);
            var inside = communities.ToDictionary(c => c.Id, _ => new List<GraphEdge>());
            foreach (var edge in edges)
            {
                if (home.TryGetValue(edge.SourceId, out var a) && home.TryGetValue(edge.TargetId, out var b) && a == b)
                {
                    inside[a].Add(edge);
                }
            }

            selected.AddRange(communities.Select(c => (c, inside[c.Id])));
        }

        // The finest and the best level can hold the same community; summarise it once, at the finer level.
        var distinct = selected
            .DistinctBy(s => string.Join('|', s.Item1.EntityIds))
            .OrderByDescending(s => s.Item1.EntityIds.Count).ThenBy(s => s.Item1.Level).ThenBy(s => s.Item1.Id)
            .Take(maxCommunities)
            .ToList();
        return new DatasetCommunities(distinct, byId);
    }

    /// <summary>Summarises the selected communities; <paramref name="chunkText"/> gives a chunk's text (null when unknown).</summary>
    public IReadOnlyList<GraphCommunitySummary> Summarize(Func<string, string?> chunkText, CommunitySummarizer? summarizer = null)
    {
        ArgumentNullException.ThrowIfNull(chunkText);
        summarizer ??= new CommunitySummarizer();
        return _selected.Select(s => ToRecord(s.Community, s.Inside, summarizer.Summarize(s.Community, s.Inside, _nodes, chunkText), null)).ToList();
    }

    /// <summary>
    /// Summarises the selected communities with <paramref name="writer"/> writing each text from the extractive summary
    /// and the community's <paramref name="maxRelations"/> most confident relations, at most
    /// <paramref name="maxConcurrency"/> writes at once. The result keeps the selection's order.
    /// </summary>
    public async Task<IReadOnlyList<GraphCommunitySummary>> SummarizeAsync(
        Func<string, string?> chunkText, ICommunitySummaryWriter writer, int maxConcurrency, int maxRelations = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunkText);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var summarizer = new CommunitySummarizer();
        var extractive = _selected.Select(s => summarizer.Summarize(s.Community, s.Inside, _nodes, chunkText)).ToList();
        var texts = new string[_selected.Count];
        await Parallel.ForAsync(0, _selected.Count, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (i, ct) => texts[i] = await writer.WriteAsync(extractive[i], Relations(_selected[i].Inside, maxRelations), ct));
        return _selected.Select((s, i) => ToRecord(s.Community, s.Inside, extractive[i], texts[i])).ToList();
    }

    private List<CommunityRelation> Relations(List<GraphEdge> inside, int maxRelations) =>
        inside.Where(e => _nodes.ContainsKey(e.SourceId) && _nodes.ContainsKey(e.TargetId))
            .OrderByDescending(e => e.Confidence).ThenBy(e => e.SourceId, StringComparer.Ordinal).ThenBy(e => e.TargetId, StringComparer.Ordinal)
            .Take(maxRelations)
            .Select(e => new CommunityRelation(_nodes[e.SourceId].Name, GraphSchema.Relation(e.Relation).Name, _nodes[e.TargetId].Name, e.Confidence))
            .ToList();

    private static GraphCommunitySummary ToRecord(Community community, List<GraphEdge> inside, CommunitySummary summary, string? text)
    {
        var chunks = inside.SelectMany(e => e.Supports)
            .Where(support => summary.Sentences.Any(sentence => sentence.ChunkId == support.ChunkId))
            .Select(support => new GraphChunkRecord(support.DocumentId, support.ChunkId))
            .Distinct()
            .ToList();
        return new GraphCommunitySummary(
            community.Level, community.Id, community.EntityIds.Count, summary.Title, text ?? summary.Text,
            summary.TopEntities.Select(e => new GraphEntityRef(e.EntityId, e.Name, GraphSchema.Entity(e.Type).Name)).ToList(),
            chunks);
    }
}
