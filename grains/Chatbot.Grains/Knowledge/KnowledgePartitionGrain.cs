using Chatbot.Grains.Placement;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Bm25;
using Chatbot.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace Chatbot.Grains.Knowledge;

/// <summary>
/// One partition of a dataset: its chunks with a BM25 index and vectors in memory, and the graph shard of the entities
/// hashed to it (<see cref="EntityPartitioner"/>), all rebuilt from the knowledge store on activation (grain state
/// stays empty; the store is the truth). Not reentrant: index updates, searches and graph reads are serialised, which
/// the in-memory index and shard require.
/// </summary>
[PartitionPlacement]
public sealed partial class KnowledgePartitionGrain(
    IKnowledgeStore store, ITextAnalyzer analyzer, ILogger<KnowledgePartitionGrain> logger) : Grain, IKnowledgePartitionGrain
{
    private readonly Dictionary<string, StoredChunk> _chunks = new(StringComparer.Ordinal);
    private PartitionIndex? _index;
    private KnowledgeGraphShard _graph = new();
    private string _tenant = "";
    private string _dataset = "";
    private int _partition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _dataset, var partition) = DatasetKey.Parse(this.GetPrimaryKeyString());
        _partition = partition ?? throw new InvalidOperationException("A partition key names its partition.");
        var chunks = await store.LoadPartitionAsync(_tenant, _dataset, _partition, cancellationToken);
        foreach (var chunk in chunks)
        {
            Add(chunk);
        }

        // Decoding and indexing a large shard takes a while of CPU: off the scheduler, before the first call sees it.
        var parts = await store.LoadGraphPartitionAsync(_tenant, _dataset, _partition, cancellationToken);
        _graph = await Task.Run(() =>
        {
            var shard = new KnowledgeGraphShard();
            shard.AddDocuments(parts.Select(p => DocumentGraph.FromBytes(p.Graph)));
            return shard;
        }, cancellationToken);

        LogLoaded(logger, this.GetPrimaryKeyString(), chunks.Count, _graph.NodeCount, _graph.EdgeCount);
    }

    public async Task RefreshDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var chunks = await store.LoadDocumentChunksAsync(_tenant, _dataset, _partition, documentId, cancellationToken);
        var graph = await store.LoadDocumentGraphAsync(_tenant, _dataset, _partition, documentId, cancellationToken);
        RemoveDocument(documentId);
        foreach (var chunk in chunks)
        {
            Add(chunk);
        }

        if (graph is not null)
        {
            _graph.AddDocument(DocumentGraph.FromBytes(graph.Graph));
        }
    }

    public Task RemoveDocumentAsync(string documentId)
    {
        RemoveDocument(documentId);
        return Task.CompletedTask;
    }

    public Task ClearAsync()
    {
        _chunks.Clear();
        _index = null;
        _graph = new KnowledgeGraphShard();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<PartitionTermStats> GetTermStatsAsync(IReadOnlyList<string> terms)
    {
        var stats = _index?.GetStatistics(Bm25Query.FromTerms(terms)) ?? Bm25Statistics.Empty;
        return Task.FromResult(new PartitionTermStats(stats.DocumentCount, stats.TotalLength, stats.DocumentFrequencies));
    }

    public Task<IReadOnlyList<SearchHit>> SearchAsync(PartitionSearch search, CancellationToken cancellationToken = default)
    {
        if (_index is null || _index.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        }

        var query = search.Query;
        var filter = new SearchFilter
        {
            DocumentIds = query.DocumentIds is { Count: > 0 } ids ? ids.ToHashSet(StringComparer.Ordinal) : null,
            From = query.From,
            To = query.To,
        };
        var hits = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        if (query.Mode != SearchModes.Dense && search.Terms.Count > 0)
        {
            var global = search.GlobalStats is { } g ? new Bm25Statistics(g.DocumentCount, g.TotalLength, g.DocumentFrequencies) : _index.GetStatistics(Bm25Query.FromTerms(search.Terms));
            foreach (var scored in _index.SearchBm25(Bm25Query.FromTerms(search.Terms), global, search.Candidates, filter))
            {
                hits[scored.ChunkId] = ToHit(scored.ChunkId) with { Bm25Score = scored.Score };
            }
        }

        if (query.Mode != SearchModes.Bm25 && search.Vector is { Length: > 0 } vector)
        {
            foreach (var scored in _index.SearchDense(vector, search.Candidates, filter))
            {
                hits[scored.ChunkId] = (hits.TryGetValue(scored.ChunkId, out var hit) ? hit : ToHit(scored.ChunkId)) with { DenseScore = scored.Score };
            }
        }

        return Task.FromResult<IReadOnlyList<SearchHit>>([.. hits.Values]);
    }

    public Task<int> CountAsync() => Task.FromResult(_chunks.Count);

    public Task<IReadOnlyList<SearchHit>> GetChunksAsync(IReadOnlyList<string> chunkIds, SearchQuery filter)
    {
        var documents = filter.DocumentIds is { Count: > 0 } ids ? ids.ToHashSet(StringComparer.Ordinal) : null;
        var hits = chunkIds.Distinct(StringComparer.Ordinal)
            .Select(id => _chunks.GetValueOrDefault(id))
            .OfType<StoredChunk>()
            .Where(c => (documents is null || documents.Contains(c.DocumentId))
                && (filter.From is not { } from || c.DocumentDate >= from)
                && (filter.To is not { } to || c.DocumentDate < to))
            .Select(c => ToHit(c.ChunkId))
            .ToList();
        return Task.FromResult<IReadOnlyList<SearchHit>>(hits);
    }

    public Task<IReadOnlyList<GraphEdgeRecord>> GetGraphEdgesAsync(IReadOnlyList<string> entityIds) =>
        Task.FromResult<IReadOnlyList<GraphEdgeRecord>>(_graph.GetEdges(entityIds).Select(e => e.ToRecord()).ToList());

    public Task<IReadOnlyList<GraphNodeRecord>> GetGraphNodesAsync(IReadOnlyList<string> entityIds) =>
        Task.FromResult<IReadOnlyList<GraphNodeRecord>>(_graph.GetNodes(entityIds).Select(n => n.ToRecord()).ToList());

    public Task<IReadOnlyList<GraphEntityMatchRecord>> FindGraphEntitiesAsync(string query, int limit) =>
        Task.FromResult<IReadOnlyList<GraphEntityMatchRecord>>(_graph.FindEntities(query, limit).Select(m => m.ToRecord()).ToList());

    public Task<GraphPartitionExport> ExportGraphAsync() => Task.FromResult(new GraphPartitionExport(
        _graph.Nodes.Select(n => n.ToRecord(withChunks: false)).ToList(),
        _graph.Edges.Select(e => e.ToRecord()).ToList()));

    private void Add(StoredChunk chunk)
    {
        _index ??= new PartitionIndex(analyzer, chunk.Vector.Length);
        _chunks[chunk.ChunkId] = chunk;
        _index.Upsert(new IndexedChunk(chunk.ChunkId, chunk.DocumentId, chunk.DocumentDate), chunk.ContextText, chunk.Vector);
    }

    private void RemoveDocument(string documentId)
    {
        _graph.RemoveDocument(documentId);
        if (_index?.RemoveDocument(documentId) > 0)
        {
            foreach (var id in _chunks.Where(c => c.Value.DocumentId == documentId).Select(c => c.Key).ToList())
            {
                _chunks.Remove(id);
            }
        }
    }

    private SearchHit ToHit(string chunkId)
    {
        var c = _chunks[chunkId];
        return new SearchHit
        {
            DatasetId = _dataset,
            DocumentId = c.DocumentId,
            ChunkId = c.ChunkId,
            Title = c.Title,
            Section = c.Section,
            Text = c.Text,
            Start = c.Start,
            End = c.End,
            Page = c.Page,
        };
    }

    [LoggerMessage(4001, LogLevel.Debug, "Knowledge partition {Key} loaded {Count} chunks, {Entities} entities and {Relations} relations")]
    private static partial void LogLoaded(ILogger logger, string key, int count, int entities, int relations);
}
