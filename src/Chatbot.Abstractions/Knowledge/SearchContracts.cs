namespace Chatbot.Knowledge;

/// <summary>Retrieval routes.</summary>
public static class SearchModes
{
    /// <summary>Lexical BM25.</summary>
    public const string Bm25 = "bm25";

    /// <summary>Dense vectors.</summary>
    public const string Dense = "dense";

    /// <summary>Both, fused by reciprocal rank.</summary>
    public const string Hybrid = "hybrid";
}

/// <summary>A retrieval request over one or more datasets of a tenant.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.SearchQuery")]
public sealed record SearchQuery
{
    /// <summary>The question.</summary>
    [Id(0)] public required string Text { get; init; }

    /// <summary>One of <see cref="SearchModes"/>.</summary>
    [Id(1)] public string Mode { get; init; } = SearchModes.Hybrid;

    /// <summary>Results to return.</summary>
    [Id(2)] public int TopK { get; init; } = 5;

    /// <summary>Only these documents, when set.</summary>
    [Id(3)] public IReadOnlyList<string>? DocumentIds { get; init; }

    /// <summary>Only documents uploaded at or after this time.</summary>
    [Id(4)] public DateTimeOffset? From { get; init; }

    /// <summary>Only documents uploaded before this time.</summary>
    [Id(5)] public DateTimeOffset? To { get; init; }
}

/// <summary>One retrieved chunk.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.SearchHit")]
public sealed record SearchHit
{
    /// <summary>Dataset the chunk belongs to.</summary>
    [Id(0)] public required string DatasetId { get; init; }

    /// <summary>Document id.</summary>
    [Id(1)] public required string DocumentId { get; init; }

    /// <summary>Chunk id.</summary>
    [Id(2)] public required string ChunkId { get; init; }

    /// <summary>Document title.</summary>
    [Id(3)] public required string Title { get; init; }

    /// <summary>Heading path.</summary>
    [Id(4)] public string Section { get; init; } = "";

    /// <summary>Chunk text.</summary>
    [Id(5)] public required string Text { get; init; }

    /// <summary>Final score (route score, or fused score for hybrid).</summary>
    [Id(6)] public double Score { get; init; }

    /// <summary>BM25 score, when that route found the chunk.</summary>
    [Id(7)] public double? Bm25Score { get; init; }

    /// <summary>Cosine similarity, when the dense route found the chunk.</summary>
    [Id(8)] public double? DenseScore { get; init; }

    /// <summary>Character offsets of the chunk in its document.</summary>
    [Id(9)] public int Start { get; init; }

    /// <summary>End offset (exclusive).</summary>
    [Id(10)] public int End { get; init; }

    /// <summary>Page, when known.</summary>
    [Id(11)] public int? Page { get; init; }
}
