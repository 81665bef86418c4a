using Chatbot.AI.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Http;
using Chatbot.Knowledge;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Search;

/// <summary><c>POST /api/v1/search/graph</c>: vector, graph or hybrid search over a tenant's datasets, with the graph
/// context (entities, relations, path) of each result.</summary>
internal static class GraphSearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/search").WithTags("Search");
        group.MapPost("/graph", SearchAsync)
            .WithSummary("Search datasets by vectors, graph traversal or both (fused and reranked); graph results carry their path.")
            .Accepts<GraphSearchBody>("application/json")
            .Produces<GraphSearchResponseBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, IGrainFactory grains, IOptions<ConversationOptions> limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();

        // 1. Validate everything at the edge.
        var (body, bodyProblem) = await JsonBody.ReadAsync<GraphSearchBody>(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (request, datasets, problem) = GraphSearchValidator.Validate(body!, limits.Value.MaxMessageChars);
        if (problem is not null)
        {
            return problem;
        }

        // 2. Every dataset must exist (another tenant's does not).
        var tenant = TenantMiddleware.Get(http);
        var partitions = await Task.WhenAll(datasets.Select(d => grains.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(tenant, d)).GetPartitionCountAsync()));
        var missing = Array.IndexOf(partitions, 0);
        if (missing >= 0)
        {
            var field = body!.DatasetIds is { Count: > 0 } ? $"dataset_ids[{body.DatasetIds.IndexOf(datasets[missing])}]" : "dataset_ids";
            return Problems.NotFound(field, $"Dataset '{datasets[missing]}' was not found.");
        }

        // 3. Search the datasets in parallel and merge by score.
        var responses = await Task.WhenAll(datasets.Select(d =>
            grains.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(tenant, d)).SearchGraphAsync(request!, cancellationToken)));
        var results = responses.SelectMany(r => r.Hits)
            .OrderByDescending(h => h.Score)
            .Take(request!.TopK)
            .Select(h => new GraphSearchResultBody(h.Content, h.Score, h.Source, GraphContextBody.From(h.GraphContext, request.Query), h.DocumentId, h.ChunkId, h.DatasetId, h.Title))
            .ToList();
        var metadata = new GraphSearchMetadata(
            responses.Sum(r => r.NodesExplored), responses.Sum(r => r.CommunitiesFound), time.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Ok(new GraphSearchResponseBody(results, metadata, responses.SelectMany(r => r.Paths).OrderByDescending(p => p.Score).ToList()));
    }
}
