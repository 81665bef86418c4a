using Chatbot.Agents.Memory;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Http;
using Chatbot.Memory;

namespace Chatbot.Gateway.Memory;

/// <summary>The user's long-term memory: view it, add a fact, forget one.</summary>
internal static class MemoryEndpoints
{
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapMemoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/memory").WithTags("Memory");
        group.MapGet("/", ListAsync).WithSummary("The facts remembered about the user, newest first.");
        group.MapPost("/", AddAsync).WithSummary("Confirm a fact for the platform to remember.").Accepts<MemoryFactRequest>("application/json");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Forget a fact.");
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains, string? offset, string? limit)
    {
        var (memory, problem) = Memory(http, grains);
        if (problem is not null)
        {
            return problem;
        }

        if (Paging.Parse(offset, limit, MaxPageSize, out var from, out var count) is { } badPage)
        {
            return badPage;
        }

        return TypedResults.Ok(await memory!.ListAsync(from ?? 0, count ?? 50));
    }

    private static async Task<IResult> AddAsync(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (memory, problem) = Memory(http, grains);
        if (problem is not null)
        {
            return problem;
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<MemoryFactRequest>(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (string.IsNullOrWhiteSpace(body!.Text))
        {
            return Problems.BadField("text", "text is required and must not be empty.");
        }

        if (body.Text.Length > FactExtractor.MaxFactChars)
        {
            return Problems.BadField("text", $"text is longer than {FactExtractor.MaxFactChars} characters.");
        }

        var stored = await memory!.RememberAsync([body.Text], MemoryFactKinds.Confirmed, source: null);
        return TypedResults.Created($"/api/v1/memory/{stored[0].Id}", stored[0]);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IGrainFactory grains, string id)
    {
        var (memory, problem) = Memory(http, grains);
        if (problem is not null)
        {
            return problem;
        }

        return await memory!.ForgetAsync(id) ? TypedResults.NoContent() : Problems.NotFound("id", $"There is no memory '{id}'.");
    }

    private static (IUserMemoryGrain? Memory, IResult? Problem) Memory(HttpContext http, IGrainFactory grains)
    {
        var (userId, problem) = UserIdentity.Get(http);
        return problem is not null
            ? (null, problem)
            : (grains.GetGrain<IUserMemoryGrain>(UserKey.Format(TenantMiddleware.Get(http), userId!)), null);
    }
}

/// <summary>Body of <c>POST /api/v1/memory</c>.</summary>
public sealed record MemoryFactRequest
{
    /// <summary>The fact, in the user's words (at most 300 characters).</summary>
    public string? Text { get; init; }
}
