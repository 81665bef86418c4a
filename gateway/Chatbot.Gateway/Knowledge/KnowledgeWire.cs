using Chatbot.Knowledge;

namespace Chatbot.Gateway.Knowledge;

/// <summary><c>POST /api/v1/knowledge/index</c>: how to chunk and index a dataset.</summary>
internal sealed record IndexRequest(string? DatasetId, string? IndexType, IndexRequestOptions? Options);

/// <summary>The <c>options</c> of an <see cref="IndexRequest"/>; omitted values take the configured defaults.</summary>
internal sealed record IndexRequestOptions(int? ChunkSize, int? Overlap, bool? ExtractEntities, bool? BuildGraph);

/// <summary>The answer to an upload: the documents accepted, each pending indexing.</summary>
internal sealed record UploadResponse(string DatasetId, IReadOnlyList<DocumentStatus> Documents);

/// <summary>One dataset of the tenant with its counts.</summary>
internal sealed record DatasetSummary(
    string DatasetId, int DocumentCount, int ChunkCount, int InProgress, int Done, int Failed, double Progress);

/// <summary>The tenant's datasets.</summary>
internal sealed record DatasetList(IReadOnlyList<DatasetSummary> Datasets);

/// <summary>The documents of a dataset.</summary>
internal sealed record DocumentList(string DatasetId, IReadOnlyList<DocumentStatus> Documents);
