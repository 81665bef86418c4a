namespace Chatbot.Knowledge;

/// <summary>
/// One knowledge base (dataset) of one tenant, keyed by <see cref="DatasetKey.Format"/>: the document registry and the
/// durable index job. Each document is indexed on its own: one that fails never blocks the others. Bulk data (bytes,
/// chunks, vectors) lives in the knowledge store, not in this grain's state.
/// </summary>
public interface IKnowledgeBaseGrain : IGrainWithStringKey
{
    /// <summary>Stores an upload (replacing a document with the same id) and queues it for indexing.</summary>
    Task<DocumentStatus> UploadAsync(DocumentUpload upload, byte[] content, CancellationToken cancellationToken = default);

    /// <summary>Changes how the dataset is chunked and indexed and re-indexes every document.</summary>
    Task<DatasetStatus> ConfigureAsync(IndexSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Per-document state, counts and progress; null when the dataset has no documents and was never configured.
    /// Interleaves with a running index job.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<DatasetStatus?> GetStatusAsync();

    /// <summary>Removes a document from the registry, the store and every partition. False when unknown.</summary>
    Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Removes every document and the dataset itself. False when unknown.</summary>
    Task<bool> DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Number of partitions the dataset's chunks are spread over (fixed when the dataset is created); 0 when the
    /// dataset does not exist. Interleaves with everything: every search asks it, and must not wait behind an upload.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<int> GetPartitionCountAsync();

    /// <summary>What building the dataset's graph with the model extractor would cost, over the chunks indexed now; null
    /// when the dataset does not exist.</summary>
    Task<GraphBuildEstimate?> EstimateGraphBuildAsync(CancellationToken cancellationToken = default);

    /// <summary>The community summaries of the dataset's graph as of the last settled index job (empty without a graph).
    /// Interleaves with everything, as searches ask for them.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<GraphCommunitySummary>> GetCommunitiesAsync();
}

/// <summary>
/// One partition of a dataset, keyed by <see cref="DatasetKey.Partition"/>: the chunks hashed to it, with a BM25 index
/// and vectors in memory, and the graph shard of the entities hashed to it (with every edge touching them), all loaded
/// from the knowledge store on activation.
/// </summary>
public interface IKnowledgePartitionGrain : IGrainWithStringKey
{
    /// <summary>(Re)loads one document's chunks and graph part of this partition from the store, replacing what the
    /// partition had.</summary>
    Task RefreshDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Drops a document's chunks and takes its graph part out (entities and edges only it supported go).</summary>
    Task RemoveDocumentAsync(string documentId);

    /// <summary>Drops everything (the dataset was deleted).</summary>
    Task ClearAsync();

    /// <summary>Local corpus statistics for the query's terms, summed by the caller into dataset-wide statistics.</summary>
    Task<PartitionTermStats> GetTermStatsAsync(IReadOnlyList<string> terms);

    /// <summary>The partition's best chunks for a query, scored with dataset-wide statistics.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(PartitionSearch search, CancellationToken cancellationToken = default);

    /// <summary>Number of chunks held (diagnostics and tests).</summary>
    Task<int> CountAsync();

    /// <summary>The chunks among <paramref name="chunkIds"/> this partition holds, within the query's document and date
    /// filters (its text is ignored), as hits without scores.</summary>
    Task<IReadOnlyList<SearchHit>> GetChunksAsync(IReadOnlyList<string> chunkIds, SearchQuery filter);

    /// <summary>Every edge touching one of <paramref name="entityIds"/> (entities this partition owns), each once.</summary>
    Task<IReadOnlyList<GraphEdgeRecord>> GetGraphEdgesAsync(IReadOnlyList<string> entityIds);

    /// <summary>The entities among <paramref name="entityIds"/> this partition owns.</summary>
    Task<IReadOnlyList<GraphNodeRecord>> GetGraphNodesAsync(IReadOnlyList<string> entityIds);

    /// <summary>The <paramref name="limit"/> entities of this partition whose names <paramref name="query"/> mentions best.</summary>
    Task<IReadOnlyList<GraphEntityMatchRecord>> FindGraphEntitiesAsync(string query, int limit);

    /// <summary>The partition's whole graph shard, for dataset-wide community detection.</summary>
    Task<GraphPartitionExport> ExportGraphAsync();
}

/// <summary>
/// Searches a dataset: fans out to its partitions in parallel and merges. A stateless worker, so searches scale with
/// the silos instead of queueing on one grain.
/// </summary>
public interface IKnowledgeSearchGrain : IGrainWithStringKey
{
    /// <summary>The best chunks of the dataset for <paramref name="query"/>.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Graph-aware search (<c>POST /api/v1/search/graph</c>): the vector, BM25 and graph-traversal routes chosen by
    /// <see cref="GraphSearchRequest.SearchType"/> (plus community summaries when asked), fused by reciprocal rank and
    /// reranked. Traversal fans out to the partitions owning each hop's entities, one batch per hop.
    /// </summary>
    Task<GraphSearchResponse> SearchGraphAsync(GraphSearchRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Corpus statistics of one partition for a set of terms.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.PartitionTermStats")]
public sealed record PartitionTermStats(
    [property: Id(0)] long DocumentCount,
    [property: Id(1)] long TotalLength,
    [property: Id(2)] IReadOnlyDictionary<string, long> DocumentFrequencies);

/// <summary>A query as a partition receives it: analysed terms, the query vector and dataset-wide statistics.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.PartitionSearch")]
public sealed record PartitionSearch
{
    /// <summary>The original query (filters, mode, top-k).</summary>
    [Id(0)] public required SearchQuery Query { get; init; }

    /// <summary>Analysed query terms.</summary>
    [Id(1)] public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>Query embedding (null for BM25-only searches).</summary>
    [Id(2)] public float[]? Vector { get; init; }

    /// <summary>Dataset-wide statistics for <see cref="Terms"/>.</summary>
    [Id(3)] public PartitionTermStats? GlobalStats { get; init; }

    /// <summary>Candidates each route returns from this partition before fusion.</summary>
    [Id(4)] public int Candidates { get; init; }
}
