using Chatbot.AI.Conversations;
using Chatbot.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Grpc;
using Chatbot.Gateway.Http;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Chat;

/// <summary>
/// <c>chatbot.v1.ChatService</c>: the chat stream over gRPC. It validates, starts and relays a turn with the same code
/// as <c>POST /api/v1/chat/stream</c>, so a turn's events (kinds, seq, payloads) are the SSE stream's, one message each.
/// </summary>
internal sealed class ChatGrpcService(IGrainFactory grains, IOptions<ConversationOptions> limits, GatewayDrain drain)
    : Wire.ChatService.ChatServiceBase
{
    public override async Task StreamChat(
        Wire.ChatRequest request, IServerStreamWriter<Wire.ChatEvent> responseStream, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var cancellationToken = context.CancellationToken;

        // 1. Validate everything at the edge, as the SSE endpoint does; nothing reaches a grain for a rejected call.
        var body = ChatGrpcWire.ToRequest(request);
        var (question, problem) = ChatRequestValidator.Validate(body, limits.Value);
        if (problem is not null)
        {
            throw GrpcErrors.From(problem);
        }

        var requestId = RequestId(request.RequestId, http);
        CheckLastSeq(request.LastSeq);

        var (userId, userProblem) = UserIdentity.Get(http);
        if (userProblem is not null)
        {
            throw userProblem is ValidationProblem invalid
                ? GrpcErrors.From(invalid)
                : new RpcException(new Status(StatusCode.PermissionDenied, $"The caller's user ({UserIdentity.HeaderName} or the token's user claim) was refused."));
        }

        // 2. Start the turn, or find the one this request id already started (retries and resumes).
        var turn = await ChatTurns.StartAsync(grains, TenantMiddleware.Get(http), requestId, body, question!, userId, cancellationToken);
        if (turn.Busy)
        {
            throw new RpcException(new Status(StatusCode.Aborted, ChatTurns.BusyMessage(turn.ConversationId)));
        }

        // 3. Relay the grain's events. The grain owns generation: if this client goes away, the turn still completes.
        http.Response.Headers[ChatEndpoints.ConversationIdHeader] = turn.ConversationId;
        http.Response.Headers[RequestIdMiddleware.HeaderName] = requestId;
        await RelayAsync(turn.Grain.StreamTurnAsync(requestId, request.LastSeq, cancellationToken), responseStream, cancellationToken);
    }

    public override async Task ResumeChat(
        Wire.ResumeChatRequest request, IServerStreamWriter<Wire.ChatEvent> responseStream, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (!ConversationKey.IsValidId(request.ConversationId))
        {
            throw GrpcErrors.InvalidArgument("conversation_id",
                $"conversation_id must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.");
        }

        CheckLastSeq(request.LastSeq);
        var grain = grains.GetGrain<IConversationGrain>(ConversationKey.Format(TenantMiddleware.Get(http), request.ConversationId));
        var requestId = request.RequestId.Length > 0 ? RequestId(request.RequestId, http) : await grain.GetLatestRequestIdAsync();
        if (requestId is null)
        {
            throw GrpcErrors.NotFound("conversation_id", $"Conversation '{request.ConversationId}' was not found.");
        }

        http.Response.Headers[RequestIdMiddleware.HeaderName] = requestId;
        await RelayAsync(grain.StreamTurnAsync(requestId, request.LastSeq, context.CancellationToken), responseStream, context.CancellationToken);
    }

    private async Task RelayAsync(
        IAsyncEnumerable<ChatEvent> events, IServerStreamWriter<Wire.ChatEvent> responseStream, CancellationToken cancellationToken)
    {
        await foreach (var item in TurnStreams.RelayAsync(events, drain, cancellationToken))
        {
            await responseStream.WriteAsync(ChatGrpcWire.ToWire(item), cancellationToken);
        }
    }

    // The turn's idempotency key: the field, else the x-request-id metadata (or the id the gateway gave the call).
    private static string RequestId(string field, HttpContext http)
    {
        if (field.Length == 0)
        {
            return RequestIdMiddleware.Get(http);
        }

        return ConversationKey.IsValidId(field)
            ? field
            : throw GrpcErrors.InvalidArgument("request_id", $"request_id must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.");
    }

    private static void CheckLastSeq(long lastSeq)
    {
        if (lastSeq < 0)
        {
            throw GrpcErrors.InvalidArgument("last_seq", "last_seq must be a non-negative integer (the seq of the last event received).");
        }
    }
}
