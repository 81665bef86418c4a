using Chatbot.Gateway.Grpc;
using Chatbot.Gateway.Http;
using Chatbot.Tenants;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Auth;

/// <summary>
/// Decides the tenant of every API request before anything else sees it: the token's tenant claim, or <c>default</c>
/// for anonymous callers where configuration allows them. <c>X-Tenant-ID</c> may restate the tenant but never change it.
/// gRPC calls go through the same checks (metadata are headers); a refusal reaches them as a gRPC status.
/// </summary>
internal sealed class TenantMiddleware(RequestDelegate next, IOptions<AuthOptions> options)
{
    public const string HeaderName = "X-Tenant-ID";
    private const string ItemKey = "chatbot.tenant";

    public Task InvokeAsync(HttpContext context)
    {
        if (!IsApi(context.Request.Path))
        {
            return next(context);
        }

        var auth = options.Value;
        var header = context.Request.Headers[HeaderName].ToString();
        string tenant;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var claim = context.User.FindFirst(auth.TenantClaim)?.Value;
            if (!TenantId.IsValid(claim))
            {
                return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden.",
                    $"The token has no valid '{auth.TenantClaim}' claim.");
            }

            tenant = claim!;
        }
        else if (auth.AllowAnonymous)
        {
            // OpenAI SDKs always send an API key; where anonymous access is allowed, a token that does not validate
            // grants nothing beyond anonymous access, so it is treated as none.
            tenant = TenantId.Default;
        }
        else if (context.Request.Headers.Authorization.Count > 0)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized.", "The bearer token is not valid.");
        }
        else
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized.", "A bearer token is required.");
        }

        if (header.Length > 0 && header != tenant)
        {
            return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden.",
                $"{HeaderName} does not match the authenticated tenant.", HeaderName);
        }

        context.Items[ItemKey] = tenant;
        return next(context);
    }

    /// <summary>The tenant of an API request.</summary>
    public static string Get(HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("The tenant was not resolved for this request.");

    /// <summary>The tenant when resolved (API paths), else null.</summary>
    public static string? Find(HttpContext context) => context.Items[ItemKey] as string;

    /// <summary>True for the API's paths (<c>/api/…</c>, the OpenAI-compatible <c>/v1/…</c>, the MCP server's <c>/mcp</c>
    /// and the gRPC services <c>/chatbot.…</c>; not the gRPC health and reflection services, which are open like <c>/readyz</c>).</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/mcp", StringComparison.OrdinalIgnoreCase) || GrpcProtocol.IsService(path);
}
