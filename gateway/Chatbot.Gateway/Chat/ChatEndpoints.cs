using Chatbot.AI.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Http;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.Chat;

/// <summary><c>POST /api/v1/chat/stream</c>: a new turn (or the resumption of one) streamed as SSE.</summary>
internal static class ChatEndpoints
{
    /// <summary>Response header naming the conversation (useful when the server generated its id).</summary>
    public const string ConversationIdHeader = "X-Conversation-ID";

    public static RouteGroupBuilder MapChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/chat").WithTags("Chat");
        group.MapPost("/stream", StreamAsync)
            .WithSummary("Ask a question; the answer streams as SSE (delta, refs, done | error). Resume with Last-Event-ID and the same X-Request-ID.")
            .Accepts<ChatStreamRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> StreamAsync(
        HttpContext http, IGrainFactory grains, IOptions<ConversationOptions> limits, GatewayDrain drain, CancellationToken cancellationToken)
    {
        // 1. Validate everything at the edge; nothing reaches a grain for a rejected request.
        var (request, bodyProblem) = await JsonBody.ReadAsync<ChatStreamRequest>(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (question, problem) = ChatRequestValidator.Validate(request!, limits.Value);
        if (problem is not null)
        {
            return problem;
        }

        var (afterSeq, lastEventProblem) = TurnStreams.ReadLastEventId(http.Request);
        if (lastEventProblem is not null)
        {
            return lastEventProblem;
        }

        var (userId, userProblem) = UserIdentity.Get(http);
        if (userProblem is not null)
        {
            return userProblem;
        }

        // 2. Start the turn, or find the one this request id already started (retries and resumes).
        var requestId = RequestIdMiddleware.Get(http);
        var turn = await ChatTurns.StartAsync(grains, TenantMiddleware.Get(http), requestId, request!, question!, userId, cancellationToken);
        if (turn.Busy)
        {
            return Problems.Coded(StatusCodes.Status409Conflict, "conversation_busy", "Another turn is running.",
                ChatTurns.BusyMessage(turn.ConversationId));
        }

        // 3. Relay the grain's events. The grain owns generation: if this client goes away, the turn still completes.
        http.Response.Headers[ConversationIdHeader] = turn.ConversationId;
        var events = turn.Grain.StreamTurnAsync(requestId, afterSeq, cancellationToken);
        return request!.Stream == false
            ? await TurnStreams.CollectAsync(events, turn.ConversationId, requestId, cancellationToken)
            : TurnStreams.ToSse(events, drain);
    }
}
