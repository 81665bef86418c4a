namespace Chatbot.Knowledge;

/// <summary>Where a document is in its indexing.</summary>
[GenerateSerializer]
public enum DocumentState
{
    /// <summary>Uploaded; waiting to be indexed.</summary>
    Pending = 0,

    /// <summary>Being parsed, chunked and embedded.</summary>
    Indexing = 1,

    /// <summary>Searchable.</summary>
    Done = 2,

    /// <summary>Could not be indexed; see the error.</summary>
    Failed = 3,
}

/// <summary>A document of a knowledge base and its indexing state.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.DocumentStatus")]
public sealed record DocumentStatus
{
    /// <summary>Document id (the file name unless the client gave one).</summary>
    [Id(0)] public required string DocumentId { get; init; }

    /// <summary>Uploaded file name.</summary>
    [Id(1)] public required string FileName { get; init; }

    /// <summary>Content type as uploaded or inferred.</summary>
    [Id(2)] public required string ContentType { get; init; }

    /// <summary>Size of the upload in bytes.</summary>
    [Id(3)] public long SizeBytes { get; init; }

    /// <summary>Indexing state.</summary>
    [Id(4)] public DocumentState State { get; init; }

    /// <summary>Why indexing failed.</summary>
    [Id(5)] public string? Error { get; init; }

    /// <summary>Chunks indexed.</summary>
    [Id(6)] public int ChunkCount { get; init; }

    /// <summary>When the current version was uploaded.</summary>
    [Id(7)] public DateTimeOffset UploadedAt { get; init; }

    /// <summary>When it was last indexed.</summary>
    [Id(8)] public DateTimeOffset? IndexedAt { get; init; }

    /// <summary>Upload version, incremented by each re-upload (a job for an older version is discarded).</summary>
    [Id(9)] public int Version { get; init; }

    /// <summary>Distinct entities the document contributed to the dataset's graph (0 without a graph).</summary>
    [Id(10)] public int EntityCount { get; init; }

    /// <summary>Distinct relations the document contributed to the dataset's graph (0 without a graph).</summary>
    [Id(11)] public int RelationCount { get; init; }
}

/// <summary>Indexing status of a knowledge base.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.DatasetStatus")]
public sealed record DatasetStatus
{
    /// <summary>Dataset id.</summary>
    [Id(0)] public required string DatasetId { get; init; }

    /// <summary>Every document with its state.</summary>
    [Id(1)] public IReadOnlyList<DocumentStatus> Documents { get; init; } = [];

    /// <summary>Documents in total.</summary>
    [Id(2)] public int Total { get; init; }

    /// <summary>Documents pending or being indexed.</summary>
    [Id(3)] public int InProgress { get; init; }

    /// <summary>Documents done.</summary>
    [Id(4)] public int Done { get; init; }

    /// <summary>Documents failed.</summary>
    [Id(5)] public int Failed { get; init; }

    /// <summary>Chunks indexed over all documents.</summary>
    [Id(6)] public int ChunkCount { get; init; }

    /// <summary>Share of documents finished (done or failed), 0–1.</summary>
    [Id(7)] public double Progress { get; init; }

    /// <summary>Chunk settings in force.</summary>
    [Id(8)] public IndexSettings Settings { get; init; } = new();

    /// <summary>Community summaries of the dataset's graph.</summary>
    [Id(9)] public int CommunityCount { get; init; }

    /// <summary>Whether the graph changed since the summaries were computed (the index job recomputes them when it settles).</summary>
    [Id(10)] public bool CommunitiesStale { get; init; }
}

/// <summary>How a knowledge base is chunked and indexed (<c>POST /api/v1/knowledge/index</c>).</summary>
[GenerateSerializer, Immutable, Alias("chatbot.IndexSettings")]
public sealed record IndexSettings
{
    /// <summary><c>vector</c>, <c>graph</c> or <c>hybrid</c>.</summary>
    [Id(0)] public string IndexType { get; init; } = "hybrid";

    /// <summary>Chunk size in tokens.</summary>
    [Id(1)] public int ChunkSize { get; init; } = 256;

    /// <summary>Overlap between consecutive chunks in tokens.</summary>
    [Id(2)] public int Overlap { get; init; } = 32;

    /// <summary>Extract entities (GraphRAG).</summary>
    [Id(3)] public bool ExtractEntities { get; init; }

    /// <summary>Build the knowledge graph (GraphRAG).</summary>
    [Id(4)] public bool BuildGraph { get; init; }

    /// <summary>Whether the index job extracts a graph: index type <c>graph</c> or <c>hybrid</c>, or either graph option set.</summary>
    public bool BuildsGraph => IndexType is "graph" or "hybrid" || ExtractEntities || BuildGraph;
}

/// <summary>An uploaded file handed to a knowledge base.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.DocumentUpload")]
public sealed record DocumentUpload(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long SizeBytes);
