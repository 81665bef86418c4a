using Chatbot.Gateway.Auth;
using Chatbot.Tenants;

namespace Chatbot.Gateway.Conversations;

/// <summary><c>GET /api/v1/usage</c>: the calling tenant's accumulated token usage.</summary>
internal static class UsageEndpoints
{
    public static RouteHandlerBuilder MapUsageEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/usage", async (HttpContext http, IGrainFactory grains) =>
                TypedResults.Ok(await grains.GetGrain<ITenantGrain>(TenantMiddleware.Get(http)).GetUsageAsync()))
            .WithTags("Usage")
            .WithSummary("Tokens used by the calling tenant (input, output, total), summed over all turns.");
}
