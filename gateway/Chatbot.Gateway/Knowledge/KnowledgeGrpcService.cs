using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Chat;
using Chatbot.Gateway.Grpc;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Ingestion;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Knowledge;

/// <summary>
/// <c>chatbot.v1.KnowledgeService</c>: upload, index settings and status with the checks and grain calls of
/// <c>/api/v1/knowledge/*</c>, and search over the tenant's datasets with the retrieval a chat turn uses.
/// </summary>
internal sealed class KnowledgeGrpcService(IGrainFactory grains, IOptions<KnowledgeOptions> options, DocumentParsers parsers)
    : Wire.KnowledgeService.KnowledgeServiceBase
{
    /// <summary>Most results a search returns.</summary>
    public const int MaxTopK = 100;

    private const int DefaultTopK = 5;

    public override async Task<Wire.UploadResponse> Upload(Wire.UploadRequest request, ServerCallContext context)
    {
        // 1. Check the file as an HTTP upload is checked, before anything is stored.
        var datasetId = Dataset(request.DatasetId);
        if (request.FileName.Length == 0)
        {
            throw GrpcErrors.InvalidArgument("file_name", "file_name is required: its extension (or content_type) decides how the file is read.");
        }

        var (upload, refusal) = KnowledgeUpload.Check(
            request.FileName, request.ContentType, request.Content.Length, request.DocumentId, options.Value.MaxUploadBytes, parsers);
        if (refusal is not null)
        {
            var field = refusal.AboutDocumentId ? "document_id"
                : refusal.Status == StatusCodes.Status413PayloadTooLarge ? "content"
                : "file_name";
            throw GrpcErrors.InvalidArgument(field, refusal.Detail);
        }

        // 2. Hand it to the knowledge base, which stores it and queues it for indexing.
        var status = await KnowledgeEndpoints.Grain(context.GetHttpContext(), grains, datasetId)
            .UploadAsync(upload!, request.Content.ToByteArray(), context.CancellationToken);
        return new Wire.UploadResponse { DatasetId = datasetId, Document = KnowledgeGrpcWire.ToWire(status) };
    }

    public override async Task<Wire.DatasetStatus> Index(Wire.IndexRequest request, ServerCallContext context)
    {
        var (datasetId, settings, problem) = KnowledgeEndpoints.CheckIndex(KnowledgeGrpcWire.ToRequest(request), options.Value);
        if (problem is not null)
        {
            throw GrpcErrors.From(problem);
        }

        var status = await KnowledgeEndpoints.Grain(context.GetHttpContext(), grains, datasetId)
            .ConfigureAsync(settings!, context.CancellationToken);
        return KnowledgeGrpcWire.ToWire(status);
    }

    public override async Task<Wire.DatasetStatus> GetStatus(Wire.GetStatusRequest request, ServerCallContext context)
    {
        if (!DatasetKey.IsValidDataset(request.DatasetId))
        {
            throw GrpcErrors.InvalidArgument("dataset_id", KnowledgeEndpoints.InvalidDatasetMessage);
        }

        var status = await KnowledgeEndpoints.Grain(context.GetHttpContext(), grains, request.DatasetId).GetStatusAsync()
            ?? throw GrpcErrors.NotFound("dataset_id", KnowledgeEndpoints.DatasetNotFoundMessage(request.DatasetId));
        return KnowledgeGrpcWire.ToWire(status);
    }

    public override async Task<Wire.SearchResponse> Search(Wire.SearchRequest request, ServerCallContext context)
    {
        // 1. Check the query.
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw GrpcErrors.InvalidArgument("query", "query must not be empty.");
        }

        var mode = request.Mode.Length == 0 ? SearchModes.Hybrid : request.Mode;
        if (mode is not (SearchModes.Bm25 or SearchModes.Dense or SearchModes.Hybrid))
        {
            throw GrpcErrors.InvalidArgument("mode", $"mode must be '{SearchModes.Bm25}', '{SearchModes.Dense}' or '{SearchModes.Hybrid}'.");
        }

        var topK = request.HasTopK ? request.TopK : DefaultTopK;
        if (topK is < 1 or > MaxTopK)
        {
            throw GrpcErrors.InvalidArgument("top_k", $"top_k must be between 1 and {MaxTopK}.");
        }

        if (ChatRequestValidator.CheckDatasets(request.DatasetIds) is { } datasetsProblem)
        {
            throw GrpcErrors.From(datasetsProblem);
        }

        for (var i = 0; i < request.DocumentIds.Count; i++)
        {
            if (!DatasetKey.IsValidDocumentId(request.DocumentIds[i]))
            {
                throw GrpcErrors.InvalidArgument($"document_ids[{i}]", $"document_ids[{i}] is not a valid document id.");
            }
        }

        // 2. Each dataset's search grain fans out to its partitions; the best of all datasets win.
        var http = context.GetHttpContext();
        var query = new SearchQuery
        {
            Text = request.Query,
            Mode = mode,
            TopK = topK,
            DocumentIds = request.DocumentIds.Count > 0 ? [.. request.DocumentIds] : null,
        };
        var datasets = request.DatasetIds.Count > 0 ? request.DatasetIds.Distinct().ToList() : [DatasetKey.DefaultDataset];
        var results = await Task.WhenAll(datasets.Select(d =>
            grains.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(TenantMiddleware.Get(http), d)).SearchAsync(query, context.CancellationToken)));
        var response = new Wire.SearchResponse();
        response.Hits.AddRange(results.SelectMany(r => r).OrderByDescending(h => h.Score).Take(topK).Select(KnowledgeGrpcWire.ToWire));
        return response;
    }

    private static string Dataset(string datasetId)
    {
        var id = datasetId.Length == 0 ? DatasetKey.DefaultDataset : datasetId;
        return DatasetKey.IsValidDataset(id) ? id : throw GrpcErrors.InvalidArgument("dataset_id", KnowledgeEndpoints.InvalidDatasetMessage);
    }
}
