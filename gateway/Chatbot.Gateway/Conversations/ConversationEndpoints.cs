using Chatbot.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Chat;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Http;
using Chatbot.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Conversations;

/// <summary>A tenant's conversations: list, read, delete, resume the latest answer, stop a running one.</summary>
internal static class ConversationEndpoints
{
    private const int MaxPageSize = 200;
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapConversationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/conversations").WithTags("Conversations");
        group.MapGet("/", ListAsync).WithSummary("The tenant's conversations, most recently updated first.");
        group.MapGet("/{id}", GetAsync).WithSummary("A conversation with its full history.");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete a conversation and its history.");
        group.MapGet("/{id}/stream", ResumeAsync)
            .WithSummary("Stream the running or last answer of a conversation from Last-Event-ID (or request_id).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapPost("/{id}/stop", StopAsync).WithSummary("Stop the running answer; its partial text is kept as incomplete.");
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains, string? offset, string? limit)
    {
        if (Paging.Parse(offset, limit, MaxPageSize, out var from, out var count) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await ListPageAsync(grains, TenantMiddleware.Get(http), from, count));
    }

    /// <summary>The problem with a page request (also for gRPC), or null.</summary>
    internal static ValidationProblem? CheckPage(int? offset, int? limit) => Paging.Check(offset, limit, MaxPageSize);

    /// <summary>A page of the tenant's conversations (defaults: from the first, 50).</summary>
    internal static Task<ConversationPage> ListPageAsync(IGrainFactory grains, string tenant, int? offset, int? limit) =>
        grains.GetGrain<ITenantGrain>(tenant).ListConversationsAsync(offset ?? 0, limit ?? DefaultPageSize);

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, string id)
    {
        if (Grain(http, grains, id) is not { } grain)
        {
            return InvalidId();
        }

        return await grain.GetAsync() is { } snapshot ? TypedResults.Ok(snapshot) : NotFound(id);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IGrainFactory grains, string id)
    {
        if (Grain(http, grains, id) is not { } grain)
        {
            return InvalidId();
        }

        return await grain.DeleteAsync() ? TypedResults.NoContent() : NotFound(id);
    }

    private static async Task<IResult> ResumeAsync(
        HttpContext http, IGrainFactory grains, GatewayDrain drain, string id, string? request_id, CancellationToken cancellationToken)
    {
        if (Grain(http, grains, id) is not { } grain)
        {
            return InvalidId();
        }

        var (afterSeq, problem) = TurnStreams.ReadLastEventId(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        var requestId = request_id ?? await grain.GetLatestRequestIdAsync();
        if (requestId is null)
        {
            return NotFound(id);
        }

        return TurnStreams.ToSse(grain.StreamTurnAsync(requestId, afterSeq, cancellationToken), drain);
    }

    private static async Task<IResult> StopAsync(HttpContext http, IGrainFactory grains, string id, CancellationToken cancellationToken)
    {
        if (Grain(http, grains, id) is not { } grain)
        {
            return InvalidId();
        }

        var (body, problem) = await JsonBody.ReadAsync<StopRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.RequestId))
        {
            return Problems.BadField("request_id", "request_id is required.");
        }

        return await grain.StopTurnAsync(body.RequestId)
            ? TypedResults.Accepted((string?)null)
            : Problems.NotFound("request_id", $"No running turn '{body.RequestId}' in conversation '{id}'.");
    }

    private static IConversationGrain? Grain(HttpContext http, IGrainFactory grains, string id) =>
        ConversationKey.IsValidId(id) ? grains.GetGrain<IConversationGrain>(ConversationKey.Format(TenantMiddleware.Get(http), id)) : null;

    private static IResult InvalidId() => Problems.BadField("id", InvalidIdMessage);

    /// <summary>Why a conversation id is refused (also for gRPC).</summary>
    internal static string InvalidIdMessage => $"The conversation id must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.";

    // Another tenant's conversation is indistinguishable from one that does not exist.
    private static IResult NotFound(string id) => Problems.NotFound("id", NotFoundMessage(id));

    /// <summary>The answer for a conversation that does not exist, or is another tenant's (also for gRPC).</summary>
    internal static string NotFoundMessage(string id) => $"Conversation '{id}' was not found.";

    private sealed record StopRequest(string? RequestId);
}
