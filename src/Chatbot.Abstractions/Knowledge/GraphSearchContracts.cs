namespace Chatbot.Knowledge;

/// <summary>Values of <see cref="GraphSearchRequest.SearchType"/> (<c>POST /api/v1/search/graph</c>).</summary>
public static class GraphSearchTypes
{
    /// <summary>Dense vectors only.</summary>
    public const string Vector = "vector";

    /// <summary>Graph traversal only (and community summaries when asked for).</summary>
    public const string Graph = "graph";

    /// <summary>Vectors, BM25 and graph traversal, fused by reciprocal rank and reranked.</summary>
    public const string Hybrid = "hybrid";

    /// <summary>Whether <paramref name="value"/> is one of the types.</summary>
    public static bool IsValid(string? value) => value is Vector or Graph or Hybrid;
}

/// <summary>Values of <see cref="GraphSearchHit.Source"/>: the route that ranked a result highest.</summary>
public static class GraphResultSources
{
    /// <summary>The dense vector route.</summary>
    public const string Vector = "vector";

    /// <summary>The BM25 route.</summary>
    public const string Bm25 = "bm25";

    /// <summary>A chunk stating a step of a graph path.</summary>
    public const string GraphTraversal = "graph_traversal";

    /// <summary>A community summary.</summary>
    public const string Community = "community";
}

/// <summary>A graph-aware search over one dataset (the search grain's input; the gateway validated it).</summary>
[GenerateSerializer, Immutable, Alias("chatbot.GraphSearchRequest")]
public sealed record GraphSearchRequest
{
    /// <summary>The question.</summary>
    [Id(0)] public required string Query { get; init; }

    /// <summary>One of <see cref="GraphSearchTypes"/>.</summary>
    [Id(1)] public string SearchType { get; init; } = GraphSearchTypes.Hybrid;

    /// <summary>Most edges a path may take, 1–5.</summary>
    [Id(2)] public int MaxHops { get; init; } = 2;

    /// <summary>Also answer from community summaries (broad questions).</summary>
    [Id(3)] public bool UseCommunity { get; init; }

    /// <summary>Rank chunks by multi-hop paths and report the path; false: only the query entities' own relations (one hop).</summary>
    [Id(4)] public bool UsePathReasoning { get; init; } = true;

    /// <summary>Results to return.</summary>
    [Id(5)] public int TopK { get; init; } = 10;

    /// <summary>When set: graph paths must end at, and community results must contain, an entity of one of these types
    /// (schema wire names such as <c>organization</c>). Vector and BM25 results are not filtered by type.</summary>
    [Id(6)] public IReadOnlyList<string>? EntityTypes { get; init; }

    /// <summary>Only documents uploaded at or after this time.</summary>
    [Id(7)] public DateTimeOffset? From { get; init; }

    /// <summary>Only documents uploaded before this time.</summary>
    [Id(8)] public DateTimeOffset? To { get; init; }
}

/// <summary>What a graph-aware search of one dataset found.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.GraphSearchResponse")]
public sealed record GraphSearchResponse
{
    /// <summary>Results, best first.</summary>
    [Id(0)] public IReadOnlyList<GraphSearchHit> Hits { get; init; } = [];

    /// <summary>Distinct entities the traversal reached, query entities included.</summary>
    [Id(1)] public int NodesExplored { get; init; }

    /// <summary>Community summaries that matched the query.</summary>
    [Id(2)] public int CommunitiesFound { get; init; }

    /// <summary>The best graph paths, best first, with the sentences stating each step.</summary>
    [Id(3)] public IReadOnlyList<GraphPathRecord> Paths { get; init; } = [];
}

/// <summary>One result: a chunk (vector, BM25 or graph route) or a community summary.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.GraphSearchHit")]
public sealed record GraphSearchHit
{
    /// <summary>Dataset searched.</summary>
    [Id(0)] public required string DatasetId { get; init; }

    /// <summary>The chunk's document; null for a community summary.</summary>
    [Id(1)] public string? DocumentId { get; init; }

    /// <summary>The chunk; null for a community summary.</summary>
    [Id(2)] public string? ChunkId { get; init; }

    /// <summary>Document title, or the community's title.</summary>
    [Id(3)] public string Title { get; init; } = "";

    /// <summary>Chunk text, or the community summary.</summary>
    [Id(4)] public required string Content { get; init; }

    /// <summary>Final (reranked) score; higher is better.</summary>
    [Id(5)] public double Score { get; init; }

    /// <summary>One of <see cref="GraphResultSources"/>.</summary>
    [Id(6)] public required string Source { get; init; }

    /// <summary>The entities, relations and path behind a graph or community result; null for a plain text result.</summary>
    [Id(7)] public GraphContextRecord? GraphContext { get; init; }
}

/// <summary>The graph behind a result.</summary>
/// <param name="Entities">Entities involved, in path order for a path.</param>
/// <param name="Relations">Relations involved, each with the chunks stating it.</param>
/// <param name="Path">The path in arrow form (<c>Project Falcon → Alice Smith → Orion Group</c>); null when there is none.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphContextRecord")]
public sealed record GraphContextRecord(
    [property: Id(0)] IReadOnlyList<GraphEntityRef> Entities,
    [property: Id(1)] IReadOnlyList<GraphRelationRef> Relations,
    [property: Id(2)] string? Path);

/// <summary>An entity as results show it.</summary>
/// <param name="Id">Canonical entity id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Schema wire name of its type (<c>organization</c>).</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphEntityRef")]
public sealed record GraphEntityRef([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string Type);

/// <summary>A relation as results show it, read <c>Source Relation Target</c>.</summary>
/// <param name="Source">Source entity name.</param>
/// <param name="Relation">Schema wire name (<c>funded_by</c>).</param>
/// <param name="Target">Target entity name.</param>
/// <param name="Confidence">Combined confidence over its statements, 0 to 1.</param>
/// <param name="ChunkIds">The chunks stating it.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphRelationRef")]
public sealed record GraphRelationRef(
    [property: Id(0)] string Source,
    [property: Id(1)] string Relation,
    [property: Id(2)] string Target,
    [property: Id(3)] double Confidence,
    [property: Id(4)] IReadOnlyList<string> ChunkIds);

/// <summary>A path from a query entity to a candidate answer.</summary>
/// <param name="Entities">Entities in walking order; the last is the answer.</param>
/// <param name="Steps">One per edge walked.</param>
/// <param name="Score">Traversal score (seed match × edge confidences × hop decay × missed-relation penalty).</param>
/// <param name="Text">Arrow form: <c>Project Falcon → Alice Smith → Orion Group → Helios Foundation</c>.</param>
/// <param name="Description">Sentence form: <c>Project Falcon is led by Alice Smith; …</c>.</param>
/// <param name="CoversQuestion">Whether the path uses every relation the question asks about ("funds", "leading",
/// "group" in "who funds the group of the person leading X"): only then does its last entity answer the question.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphPathRecord")]
public sealed record GraphPathRecord(
    [property: Id(0)] IReadOnlyList<GraphEntityRef> Entities,
    [property: Id(1)] IReadOnlyList<GraphPathStepRecord> Steps,
    [property: Id(2)] double Score,
    [property: Id(3)] string Text,
    [property: Id(4)] string Description,
    [property: Id(5)] bool CoversQuestion);

/// <summary>One step of a path and the sentences that state it.</summary>
/// <param name="Relation">The relation as stored, source to target.</param>
/// <param name="Phrase">The step in walking order, inverse relations phrased as such (<c>Project Falcon is led by Alice Smith</c>).</param>
/// <param name="Evidence">The statements, one per supporting chunk.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphPathStepRecord")]
public sealed record GraphPathStepRecord(
    [property: Id(0)] GraphRelationRef Relation,
    [property: Id(1)] string Phrase,
    [property: Id(2)] IReadOnlyList<GraphEvidenceRecord> Evidence);

/// <summary>A sentence of a chunk stating a relation.</summary>
/// <param name="DocumentId">Its document.</param>
/// <param name="ChunkId">Its chunk.</param>
/// <param name="Text">The sentence, verbatim (empty when the chunk's text was not at hand).</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphEvidenceRecord")]
public sealed record GraphEvidenceRecord([property: Id(0)] string DocumentId, [property: Id(1)] string ChunkId, [property: Id(2)] string Text);
