using Chatbot.Agents;
using Chatbot.Agents.Hosting;
using Chatbot.AI.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Chat;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Http;
using Chatbot.Memory;
using Chatbot.Tools;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Agents;

/// <summary>
/// Agent runs: <c>POST /api/v1/agent/execute</c> streams a run's events as SSE (<c>plan</c>, <c>reasoning</c>,
/// <c>tool_call</c>, <c>result</c>, <c>done</c>); runs can be read, replayed from <c>Last-Event-ID</c> and cancelled; the
/// user's past runs are listed; the tenant's tools are listed.
/// </summary>
internal static class AgentEndpoints
{
    /// <summary>Response header naming the run (its id is the request's <c>X-Request-ID</c>).</summary>
    public const string RunIdHeader = "X-Run-ID";

    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapAgentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/agent").WithTags("Agents");
        group.MapPost("/execute", ExecuteAsync)
            .WithSummary("Run an agent on a task; events stream as SSE (plan, reasoning, tool_call, result, done | error). The run id is X-Request-ID; resume with Last-Event-ID.")
            .Accepts<AgentExecuteRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/runs", ListAsync).WithSummary("The user's past runs (episodic memory), newest first.");
        group.MapGet("/runs/{id}", GetAsync).WithSummary("A run with its request, status, result and every event.");
        group.MapGet("/runs/{id}/stream", StreamAsync)
            .WithSummary("Replay a run's events after Last-Event-ID, live while it works.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapPost("/runs/{id}/cancel", CancelAsync).WithSummary("Cancel a running run; its last event becomes an error with code 'cancelled'.");
        group.MapGet("/tools", ToolsAsync).WithSummary("The tools of the tenant (platform and MCP), and whether its policy allows each.");
        return group;
    }

    private static async Task<IResult> ExecuteAsync(
        HttpContext http, IGrainFactory grains, IOptions<AgentsOptions> agents, IOptions<ConversationOptions> limits, GatewayDrain drain,
        CancellationToken cancellationToken)
    {
        // 1. Validate at the edge; nothing reaches a run for a rejected request.
        var (userId, userProblem) = UserIdentity.Get(http);
        if (userProblem is not null)
        {
            return userProblem;
        }

        var (body, bodyProblem) = await JsonBody.ReadAsync<AgentExecuteRequest>(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (afterSeq, lastEventProblem) = TurnStreams.ReadLastEventId(http.Request);
        if (lastEventProblem is not null)
        {
            return lastEventProblem;
        }

        var tenant = TenantMiddleware.Get(http);
        var tools = body!.Tools is null ? [] : await grains.GetGrain<IToolGrain>(tenant).ListAsync(includeExternal: true, cancellationToken);
        var (request, problem) = AgentRequestValidator.Validate(body, userId!, tools, agents.Value, limits.Value);
        if (problem is not null)
        {
            return problem;
        }

        // 2. Start the run, or find the one this request id already started (retries and resumes).
        var runId = RequestIdMiddleware.Get(http);
        var grain = grains.GetGrain<IAgentRunGrain>(AgentRunKey.Format(tenant, runId));
        if (await grain.StartAsync(request!, cancellationToken) == AgentRunStartOutcome.Forbidden)
        {
            return Problems.Coded(StatusCodes.Status409Conflict, "run_id_taken", "The run id is taken.",
                $"Run '{runId}' belongs to another user; send another X-Request-ID.");
        }

        // 3. Relay the run's events. The grain owns the run: if this client goes away, it still completes.
        http.Response.Headers[RunIdHeader] = runId;
        var events = grain.StreamEventsAsync(userId!, afterSeq, cancellationToken);
        return body.Stream == false
            ? await CollectAsync(grain, userId!, events, cancellationToken)
            : SseStreams.ToSse(events, AgentEventDto.Serialize, e => e.Seq, drain);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IGrainFactory grains, string? offset, string? limit)
    {
        var (userId, problem) = UserIdentity.Get(http);
        if (problem is not null)
        {
            return problem;
        }

        if (Paging.Parse(offset, limit, MaxPageSize, out var from, out var count) is { } badPage)
        {
            return badPage;
        }

        var (total, items) = await grains.GetGrain<IUserMemoryGrain>(UserKey.Format(TenantMiddleware.Get(http), userId!))
            .ListEpisodesAsync(from ?? 0, count ?? 50);
        return TypedResults.Ok(new AgentRunPage(total, items));
    }

    private static async Task<IResult> GetAsync(HttpContext http, IGrainFactory grains, string id)
    {
        if (Run(http, grains, id) is not ({ } grain, { } userId))
        {
            return Invalid(http, id);
        }

        return await grain.GetAsync(userId) is { } run ? TypedResults.Ok(AgentRunDto.From(run)) : NotFound(id);
    }

    private static async Task<IResult> StreamAsync(HttpContext http, IGrainFactory grains, GatewayDrain drain, string id, CancellationToken cancellationToken)
    {
        if (Run(http, grains, id) is not ({ } grain, { } userId))
        {
            return Invalid(http, id);
        }

        var (afterSeq, problem) = TurnStreams.ReadLastEventId(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (await grain.GetAsync(userId) is null)
        {
            return NotFound(id);
        }

        http.Response.Headers[RunIdHeader] = id;
        return SseStreams.ToSse(grain.StreamEventsAsync(userId, afterSeq, cancellationToken), AgentEventDto.Serialize, e => e.Seq, drain);
    }

    private static async Task<IResult> CancelAsync(HttpContext http, IGrainFactory grains, string id)
    {
        if (Run(http, grains, id) is not ({ } grain, { } userId))
        {
            return Invalid(http, id);
        }

        if (await grain.GetAsync(userId) is not { } run)
        {
            return NotFound(id);
        }

        return await grain.CancelAsync(userId)
            ? TypedResults.Accepted($"/api/v1/agent/runs/{id}", new { run_id = id, cancelled = true })
            : Problems.Coded(StatusCodes.Status409Conflict, "run_not_running", "The run is not running.",
                $"Run '{id}' is {run.Status.ToString().ToLowerInvariant()}; only a running run can be cancelled.");
    }

    private static async Task<IResult> ToolsAsync(HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var tools = await grains.GetGrain<IToolGrain>(TenantMiddleware.Get(http)).ListAsync(includeExternal: true, cancellationToken);
        return TypedResults.Ok(new
        {
            tools = tools.Select(t => new
            {
                name = t.Name,
                description = t.Description,
                source = t.Source,
                allowed = t.Allowed,
                input_schema = System.Text.Json.JsonDocument.Parse(t.InputSchemaJson).RootElement.Clone(),
            }),
            aliases = AgentRequestValidator.Aliases,
        });
    }

    // A non-streamed run: wait for its end, then answer with the whole run.
    private static async Task<IResult> CollectAsync(
        IAgentRunGrain grain, string userId, IAsyncEnumerable<AgentEvent> events, CancellationToken cancellationToken)
    {
        AgentEvent? last = null;
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            last = e;
        }

        return last is { Type: AgentEventTypes.Error } error
            ? error.Code switch
            {
                "model_timeout" => Problems.Coded(StatusCodes.Status504GatewayTimeout, error.Code, "The model timed out.", error.Message ?? ""),
                "cancelled" => Problems.Coded(StatusCodes.Status409Conflict, error.Code, "The run was cancelled.", error.Message ?? ""),
                _ => Problems.Coded(StatusCodes.Status502BadGateway, error.Code ?? "error", "The run failed.", error.Message ?? ""),
            }
            : TypedResults.Ok(AgentRunDto.From((await grain.GetAsync(userId))!));
    }

    private static (IAgentRunGrain? Grain, string? UserId) Run(HttpContext http, IGrainFactory grains, string id)
    {
        var (userId, problem) = UserIdentity.Get(http);
        return problem is null && AgentRunKey.IsValidRunId(id)
            ? (grains.GetGrain<IAgentRunGrain>(AgentRunKey.Format(TenantMiddleware.Get(http), id)), userId)
            : (null, null);
    }

    private static IResult Invalid(HttpContext http, string id) =>
        UserIdentity.Get(http).Problem
        ?? Problems.BadField("id", $"The run id must be 1–{Chatbot.Conversations.ConversationKey.MaxIdLength} printable characters without '/'.");

    private static IResult NotFound(string id) => Problems.NotFound("id", $"There is no run '{id}'.");
}
