using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Http;
using Chatbot.Knowledge;

namespace Chatbot.Gateway.Knowledge;

/// <summary><c>GET /api/v1/knowledge/unanswered</c>: questions the knowledge base could not answer, for review.</summary>
internal static class UnansweredEndpoints
{
    private const int MaxLimit = 500;

    public static RouteHandlerBuilder MapUnansweredEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/knowledge/unanswered", async (HttpContext http, IGrainFactory grains, string? limit) =>
            {
                if (Paging.Parse(null, limit, MaxLimit, out _, out var count) is { } problem)
                {
                    return (IResult)problem;
                }

                var questions = await grains.GetGrain<IUnansweredQuestionsGrain>(TenantMiddleware.Get(http)).ListAsync(count ?? 50);
                return TypedResults.Ok(new { items = questions });
            })
            .WithTags("Knowledge")
            .WithSummary("The tenant's most recent questions the knowledge base could not answer, newest first.");
}
