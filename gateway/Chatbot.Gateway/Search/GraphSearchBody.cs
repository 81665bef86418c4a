namespace Chatbot.Gateway.Search;

/// <summary>Body of <c>POST /api/v1/search/graph</c> (field names as in the specification, snake_case on the wire).</summary>
public sealed record GraphSearchBody
{
    /// <summary>The question.</summary>
    public string? Query { get; init; }

    /// <summary><c>vector</c>, <c>graph</c> or <c>hybrid</c> (default).</summary>
    public string? SearchType { get; init; }

    /// <summary>Traversal settings.</summary>
    public GraphSearchBodyOptions? GraphOptions { get; init; }

    /// <summary>Results to return, 1–100 (default 10).</summary>
    public int? TopK { get; init; }

    /// <summary>Entity-type and date filters.</summary>
    public GraphSearchBodyFilters? Filters { get; init; }

    /// <summary>Datasets to search; the tenant's <c>default</c> dataset when absent.</summary>
    public List<string>? DatasetIds { get; init; }
}

/// <summary>The <c>graph_options</c> of a <see cref="GraphSearchBody"/>.</summary>
public sealed record GraphSearchBodyOptions
{
    /// <summary>Most edges a path may take, 1–5 (default 2).</summary>
    public int? MaxHops { get; init; }

    /// <summary>Also answer from community summaries (default false).</summary>
    public bool? UseCommunity { get; init; }

    /// <summary>Rank by multi-hop paths and report them (default true).</summary>
    public bool? UsePathReasoning { get; init; }
}

/// <summary>The <c>filters</c> of a <see cref="GraphSearchBody"/>.</summary>
public sealed record GraphSearchBodyFilters
{
    /// <summary>Entity types a graph path must end at (English schema names or Chinese labels: <c>concept</c>, <c>概念</c>).</summary>
    public List<string>? EntityTypes { get; init; }

    /// <summary>Upload dates, inclusive: <c>YYYY-MM-DD/YYYY-MM-DD</c>.</summary>
    public string? DateRange { get; init; }
}
