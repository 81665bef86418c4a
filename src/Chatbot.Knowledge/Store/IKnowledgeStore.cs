namespace Chatbot.Knowledge.Store;

/// <summary>
/// Bulk knowledge data outside grain state: the document registry (one row per document, so a knowledge base of many
/// documents writes one small row per change instead of its whole registry), uploaded document bytes, the chunks
/// (text, citation offsets, vector) and graph parts (one per document and partition) each partition loads on
/// activation, and the dataset's entity aliases and community summaries. Every call is scoped by tenant and dataset.
/// Implementations are thread-safe and never block the caller's thread on I/O.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>Stores (or replaces) an uploaded document's bytes.</summary>
    Task SaveDocumentAsync(StoredDocument document, CancellationToken cancellationToken);

    /// <summary>The uploaded bytes of a document; null when unknown.</summary>
    Task<StoredDocument?> GetDocumentAsync(string tenant, string dataset, string documentId, CancellationToken cancellationToken);

    /// <summary>Replaces all chunks of a document atomically (an index job that runs twice leaves one copy).</summary>
    Task ReplaceChunksAsync(string tenant, string dataset, string documentId, IReadOnlyList<StoredChunk> chunks, CancellationToken cancellationToken);

    /// <summary>All chunks of one partition of a dataset.</summary>
    Task<IReadOnlyList<StoredChunk>> LoadPartitionAsync(string tenant, string dataset, int partition, CancellationToken cancellationToken);

    /// <summary>The chunks of one document that belong to one partition.</summary>
    Task<IReadOnlyList<StoredChunk>> LoadDocumentChunksAsync(string tenant, string dataset, int partition, string documentId, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the registry entry of one document: its indexing state, counts and error.</summary>
    Task SaveDocumentStatusAsync(string tenant, string dataset, DocumentStatus status, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) many registry entries in one transaction.</summary>
    Task SaveDocumentStatusesAsync(string tenant, string dataset, IReadOnlyCollection<DocumentStatus> statuses, CancellationToken cancellationToken);

    /// <summary>The registry of a dataset: one entry per document, in no particular order.</summary>
    Task<IReadOnlyList<DocumentStatus>> LoadDocumentStatusesAsync(string tenant, string dataset, CancellationToken cancellationToken);

    /// <summary>Deletes a document's registry entry, bytes, chunks and graph parts in one transaction.</summary>
    Task DeleteDocumentAsync(string tenant, string dataset, string documentId, CancellationToken cancellationToken);

    /// <summary>Deletes every registry entry, document, chunk, graph part, alias and community summary of a dataset.</summary>
    Task DeleteDatasetAsync(string tenant, string dataset, CancellationToken cancellationToken);

    /// <summary>The text of every chunk of a dataset (for estimates), in no particular order.</summary>
    Task<IReadOnlyList<string>> LoadChunkTextsAsync(string tenant, string dataset, CancellationToken cancellationToken);

    /// <summary>Replaces all graph parts of a document atomically (none: the document has no graph).</summary>
    Task ReplaceGraphAsync(string tenant, string dataset, string documentId, IReadOnlyList<StoredGraphPart> parts, CancellationToken cancellationToken);

    /// <summary>Every document's graph part of one partition.</summary>
    Task<IReadOnlyList<StoredGraphPart>> LoadGraphPartitionAsync(string tenant, string dataset, int partition, CancellationToken cancellationToken);

    /// <summary>One document's graph part of one partition; null when it has none there.</summary>
    Task<StoredGraphPart?> LoadDocumentGraphAsync(string tenant, string dataset, int partition, string documentId, CancellationToken cancellationToken);

    /// <summary>Replaces the dataset's entity alias table (alias key → canonical key).</summary>
    Task SaveEntityAliasesAsync(string tenant, string dataset, IReadOnlyDictionary<string, string> aliases, CancellationToken cancellationToken);

    /// <summary>The dataset's entity alias table; empty when none was saved.</summary>
    Task<IReadOnlyDictionary<string, string>> LoadEntityAliasesAsync(string tenant, string dataset, CancellationToken cancellationToken);

    /// <summary>Replaces the dataset's community summaries.</summary>
    Task SaveCommunitiesAsync(string tenant, string dataset, IReadOnlyList<GraphCommunitySummary> communities, CancellationToken cancellationToken);

    /// <summary>The dataset's community summaries; empty when none were saved.</summary>
    Task<IReadOnlyList<GraphCommunitySummary>> LoadCommunitiesAsync(string tenant, string dataset, CancellationToken cancellationToken);
}

/// <summary>The part of one document's graph one partition stores (<c>DocumentGraph.ToBytes</c> of its share).</summary>
public sealed record StoredGraphPart(string DocumentId, int Partition, byte[] Graph);

/// <summary>An uploaded document as received.</summary>
public sealed record StoredDocument(
    string Tenant, string Dataset, string DocumentId, string FileName, string ContentType, byte[] Content, DateTimeOffset UploadedAt);

/// <summary>A chunk as persisted: what a partition needs to rebuild its indexes and cite the source.</summary>
public sealed record StoredChunk
{
    /// <summary>Stable id: <c>{documentId}:{index}</c>.</summary>
    public required string ChunkId { get; init; }

    /// <summary>The document the chunk comes from.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Partition the chunk belongs to.</summary>
    public required int Partition { get; init; }

    /// <summary>Position of the chunk in its document.</summary>
    public required int Index { get; init; }

    /// <summary>Document title (file name) for display.</summary>
    public required string Title { get; init; }

    /// <summary>Heading path of the chunk, e.g. "Guide &gt; Install".</summary>
    public string Section { get; init; } = "";

    /// <summary>Chunk text.</summary>
    public required string Text { get; init; }

    /// <summary>Character offset of the chunk in the document's plain text.</summary>
    public int Start { get; init; }

    /// <summary>End offset (exclusive) in the document's plain text.</summary>
    public int End { get; init; }

    /// <summary>Page number, when the format has pages.</summary>
    public int? Page { get; init; }

    /// <summary>When the document was uploaded; date filters apply to it.</summary>
    public DateTimeOffset DocumentDate { get; init; }

    /// <summary>Dense vector of the chunk (normalised).</summary>
    public required float[] Vector { get; init; }

    /// <summary>What is indexed and embedded: the heading path, then the body (so a question naming a section finds it).</summary>
    public string ContextText => string.IsNullOrEmpty(Section) ? Text : Section + "\n\n" + Text;
}
