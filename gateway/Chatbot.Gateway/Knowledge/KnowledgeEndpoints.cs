using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Http;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Knowledge;

/// <summary>
/// A tenant's knowledge bases: upload documents, configure indexing, watch its progress, list, delete. Every dataset
/// key includes the caller's tenant, so another tenant's dataset is indistinguishable from one that does not exist.
/// </summary>
internal static class KnowledgeEndpoints
{
    public static RouteGroupBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/knowledge").WithTags("Knowledge");

        // The form is read by hand (no IFormFile binding); the API is bearer-token authenticated, not cookie based.
        group.MapPost("/upload", KnowledgeUpload.HandleAsync).DisableAntiforgery()
            .WithSummary("Upload one or more documents (multipart) to a dataset; each is indexed in the background.");
        group.MapPost("/index", IndexAsync).WithSummary("Set how a dataset is chunked and indexed; re-indexes its documents.");
        group.MapGet("/status/{dataset_id}", StatusAsync).WithSummary("Per-document state, counts, errors and progress.");
        group.MapGet("/datasets", ListDatasetsAsync).WithSummary("The tenant's datasets with document and chunk counts.");
        group.MapGet("/datasets/{dataset_id}/documents", ListDocumentsAsync).WithSummary("The documents of a dataset.");
        group.MapDelete("/datasets/{dataset_id}/documents/{document_id}", DeleteDocumentAsync)
            .WithSummary("Delete a document from the dataset and every index.");
        group.MapDelete("/datasets/{dataset_id}", DeleteDatasetAsync).WithSummary("Delete a dataset and all its documents.");
        group.MapGet("/graph/estimate/{dataset_id}", EstimateGraphAsync)
            .WithSummary("Model calls and tokens building the dataset's graph with the model extractor would take.");
        return group;
    }

    internal static IKnowledgeBaseGrain Grain(HttpContext http, IGrainFactory grains, string datasetId) =>
        grains.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(TenantMiddleware.Get(http), datasetId));

    internal static ValidationProblem InvalidDataset() => Problems.BadField("dataset_id", InvalidDatasetMessage);

    /// <summary>Why a dataset id is refused (also for gRPC).</summary>
    internal const string InvalidDatasetMessage = "dataset_id must be 1–64 ASCII letters, digits, '-', '_' or '.'.";

    /// <summary>
    /// The dataset and settings an index request asks for (omitted values take the configured defaults), or the problem
    /// naming the field at fault. Shared by <c>POST /api/v1/knowledge/index</c> and gRPC.
    /// </summary>
    internal static (string DatasetId, IndexSettings? Settings, ValidationProblem? Problem) CheckIndex(IndexRequest body, KnowledgeOptions options)
    {
        var datasetId = body.DatasetId ?? DatasetKey.DefaultDataset;
        if (!DatasetKey.IsValidDataset(datasetId))
        {
            return (datasetId, null, InvalidDataset());
        }

        var defaults = options.DefaultSettings();
        var settings = new IndexSettings
        {
            IndexType = body.IndexType ?? defaults.IndexType,
            ChunkSize = body.Options?.ChunkSize ?? defaults.ChunkSize,
            Overlap = body.Options?.Overlap ?? defaults.Overlap,
            ExtractEntities = body.Options?.ExtractEntities ?? false,
            BuildGraph = body.Options?.BuildGraph ?? false,
        };
        try
        {
            DatasetStatuses.Validate(settings);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var field = ex.ParamName == "index_type" ? "index_type" : $"options.{ex.ParamName}";
            return (datasetId, null, Problems.BadField(field, ex.Message.Split(" (Parameter", 2)[0].Split(Environment.NewLine, 2)[0]));
        }

        return (datasetId, settings, null);
    }

    /// <summary>The answer for a dataset that does not exist, or is another tenant's (also for gRPC).</summary>
    internal static string DatasetNotFoundMessage(string datasetId) => $"Dataset '{datasetId}' was not found.";

    private static async Task<IResult> IndexAsync(
        HttpContext http, IGrainFactory grains, IOptions<KnowledgeOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<IndexRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (datasetId, settings, settingsProblem) = CheckIndex(body!, options.Value);
        if (settingsProblem is not null)
        {
            return settingsProblem;
        }

        var status = await Grain(http, grains, datasetId).ConfigureAsync(settings!, cancellationToken);
        return TypedResults.Accepted($"/api/v1/knowledge/status/{datasetId}", status);
    }

    private static async Task<IResult> StatusAsync(HttpContext http, IGrainFactory grains, string dataset_id)
    {
        if (!DatasetKey.IsValidDataset(dataset_id))
        {
            return InvalidDataset();
        }

        return await Grain(http, grains, dataset_id).GetStatusAsync() is { } status
            ? TypedResults.Ok(status)
            : DatasetNotFound(dataset_id);
    }

    private static async Task<IResult> EstimateGraphAsync(HttpContext http, IGrainFactory grains, string dataset_id, CancellationToken cancellationToken)
    {
        if (!DatasetKey.IsValidDataset(dataset_id))
        {
            return InvalidDataset();
        }

        return await Grain(http, grains, dataset_id).EstimateGraphBuildAsync(cancellationToken) is { } estimate
            ? TypedResults.Ok(estimate)
            : DatasetNotFound(dataset_id);
    }

    private static async Task<IResult> ListDatasetsAsync(HttpContext http, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ITenantGrain>(TenantMiddleware.Get(http)).ListDatasetsAsync();
        var statuses = await Task.WhenAll(ids.Select(id => Grain(http, grains, id).GetStatusAsync()));
        var datasets = statuses.OfType<DatasetStatus>()
            .Select(s => new DatasetSummary(s.DatasetId, s.Total, s.ChunkCount, s.InProgress, s.Done, s.Failed, s.Progress))
            .ToList();
        return TypedResults.Ok(new DatasetList(datasets));
    }

    private static async Task<IResult> ListDocumentsAsync(HttpContext http, IGrainFactory grains, string dataset_id)
    {
        if (!DatasetKey.IsValidDataset(dataset_id))
        {
            return InvalidDataset();
        }

        return await Grain(http, grains, dataset_id).GetStatusAsync() is { } status
            ? TypedResults.Ok(new DocumentList(status.DatasetId, status.Documents))
            : DatasetNotFound(dataset_id);
    }

    private static async Task<IResult> DeleteDocumentAsync(
        HttpContext http, IGrainFactory grains, string dataset_id, string document_id, CancellationToken cancellationToken)
    {
        if (!DatasetKey.IsValidDataset(dataset_id))
        {
            return InvalidDataset();
        }

        if (!DatasetKey.IsValidDocumentId(document_id))
        {
            return Problems.BadField("document_id", $"document_id must be 1–{Chatbot.Conversations.ConversationKey.MaxIdLength} printable characters without '/'.");
        }

        return await Grain(http, grains, dataset_id).DeleteDocumentAsync(document_id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("document_id", $"Document '{document_id}' was not found in dataset '{dataset_id}'.");
    }

    private static async Task<IResult> DeleteDatasetAsync(
        HttpContext http, IGrainFactory grains, string dataset_id, CancellationToken cancellationToken)
    {
        if (!DatasetKey.IsValidDataset(dataset_id))
        {
            return InvalidDataset();
        }

        return await Grain(http, grains, dataset_id).DeleteAsync(cancellationToken) ? TypedResults.NoContent() : DatasetNotFound(dataset_id);
    }

    private static IResult DatasetNotFound(string datasetId) => Problems.NotFound("dataset_id", DatasetNotFoundMessage(datasetId));
}
