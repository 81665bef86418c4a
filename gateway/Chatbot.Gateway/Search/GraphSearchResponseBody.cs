using Chatbot.Knowledge;

namespace Chatbot.Gateway.Search;

/// <summary>Answer of <c>POST /api/v1/search/graph</c>.</summary>
/// <param name="Results">Results of every dataset searched, best first.</param>
/// <param name="Metadata">What the search did.</param>
/// <param name="Paths">The best graph paths with the sentences stating each step (beyond the specification).</param>
public sealed record GraphSearchResponseBody(
    IReadOnlyList<GraphSearchResultBody> Results, GraphSearchMetadata Metadata, IReadOnlyList<GraphPathRecord> Paths);

/// <summary>One result.</summary>
/// <param name="Content">Chunk text, or a community summary.</param>
/// <param name="Score">Final score, higher is better.</param>
/// <param name="Source"><c>vector</c>, <c>bm25</c>, <c>graph_traversal</c> or <c>community</c>: the route that ranked it highest.</param>
/// <param name="GraphContext">Entities, relations and path behind it (<see cref="GraphContextBody"/>); null for a plain text result.</param>
/// <param name="DocumentId">Its document (null for a community summary).</param>
/// <param name="ChunkId">Its chunk (null for a community summary).</param>
/// <param name="DatasetId">The dataset it came from.</param>
/// <param name="Title">Document title, or the community's title.</param>
public sealed record GraphSearchResultBody(
    string Content, double Score, string Source, GraphContextBody? GraphContext, string? DocumentId, string? ChunkId, string DatasetId, string Title);

/// <summary>The <c>metadata</c> of a <see cref="GraphSearchResponseBody"/>.</summary>
/// <param name="TotalNodesExplored">Distinct entities traversal reached, over all datasets.</param>
/// <param name="CommunitiesFound">Community summaries that matched the query.</param>
/// <param name="ExecutionTimeMs">Time the gateway spent on the search, in milliseconds.</param>
public sealed record GraphSearchMetadata(int TotalNodesExplored, int CommunitiesFound, double ExecutionTimeMs);
