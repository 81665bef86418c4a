using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Chatbot.AI.Chat;
using Chatbot.AI.Conversations;
using Chatbot.Conversations;
using Chatbot.Gateway.Auth;
using Chatbot.Gateway.Chat;
using Chatbot.Gateway.Http;
using Microsoft.Extensions.Options;

namespace Chatbot.Gateway.OpenAI;

/// <summary>
/// <c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>, so OpenAI clients and SDKs work against the platform.
/// OpenAI clients send the whole conversation each time, so the request's earlier messages are the context; the turn
/// still runs in a tenant's conversation grain (<c>X-Conversation-ID</c>, or a new one per request) and is stored there.
/// </summary>
internal static class OpenAIEndpoints
{
    private const string Done = "[DONE]";

    public static RouteGroupBuilder MapOpenAIEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1").WithTags("OpenAI-compatible");
        group.MapPost("/chat/completions", CompleteAsync).WithSummary("OpenAI-compatible chat completion, streaming or not.");
        group.MapGet("/models", (IOptions<ChatModelOptions> model) =>
            TypedResults.Ok(new ModelList("list", [new ModelCard(ModelId(model.Value), "model", 0, "chatbot")])));
        return group;
    }

    private static async Task<IResult> CompleteAsync(
        HttpContext http, IGrainFactory grains, IOptions<ConversationOptions> limits, IOptions<ChatModelOptions> model,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, bodyProblem) = await JsonBody.ReadAsync<CompletionRequest>(http.Request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (request!.Temperature is < 0 or > 2)
        {
            return Problems.BadField("temperature", "temperature must be between 0 and 2.");
        }

        var messages = request.Messages?.Select(m => (m.Role, m.Text())).ToList();
        var (question, problem) = ChatRequestValidator.ValidateMessages(messages, limits.Value);
        if (problem is not null)
        {
            return problem;
        }

        var conversationId = http.Request.Headers[ChatEndpoints.ConversationIdHeader].ToString();
        if (conversationId.Length == 0)
        {
            conversationId = "oai_" + Guid.NewGuid().ToString("N");
        }
        else if (!ConversationKey.IsValidId(conversationId))
        {
            return Problems.BadField(ChatEndpoints.ConversationIdHeader, "The conversation id must be printable characters without '/'.");
        }

        // The last user message is the turn; what came before it is the context, system messages the instructions.
        var lastUser = messages!.FindLastIndex(m => m.Role == ChatRoles.User);
        var context = messages.Take(lastUser).Where(m => m.Role != ChatRoles.System)
            .Select(m => new ChatTurnMessage(m.Role!, m.Item2!)).ToList();
        var system = string.Join("\n\n", messages.Where(m => m.Role == ChatRoles.System).Select(m => m.Item2));

        var (userId, userProblem) = UserIdentity.Get(http);
        if (userProblem is not null)
        {
            return userProblem;
        }

        var requestId = RequestIdMiddleware.Get(http);
        var grain = grains.GetGrain<IConversationGrain>(ConversationKey.Format(TenantMiddleware.Get(http), conversationId));
        var start = await grain.StartTurnAsync(new TurnRequest
        {
            RequestId = requestId,
            Content = question!,
            Temperature = request.Temperature,
            ContextOverride = context,
            SystemPrompt = system.Length == 0 ? null : system,
            UserId = userId,
        }, cancellationToken);
        if (start.Outcome == TurnStartOutcome.Busy)
        {
            return Problems.Coded(StatusCodes.Status409Conflict, "conversation_busy", "Another turn is running.",
                $"Conversation '{conversationId}' is answering another request.");
        }

        http.Response.Headers[ChatEndpoints.ConversationIdHeader] = conversationId;
        var id = "chatcmpl-" + requestId;
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var modelId = request.Model is { Length: > 0 } asked ? asked : ModelId(model.Value);
        var events = grain.StreamTurnAsync(requestId, 0, cancellationToken);
        if (request.Stream == true)
        {
            return TypedResults.ServerSentEvents(Chunks(events, id, created, modelId, request.StreamOptions?.IncludeUsage == true));
        }

        var text = new StringBuilder();
        await foreach (var e in events)
        {
            if (e.Type == ChatEventTypes.Delta)
            {
                text.Append(e.Content);
            }
            else if (e.Type == ChatEventTypes.Error)
            {
                return TurnStreams.ErrorResult(e);
            }
            else if (e.Type == ChatEventTypes.Done)
            {
                return TypedResults.Json(
                    new Completion(id, "chat.completion", created, modelId,
                        [new CompletionChoice(0, new AssistantMessage(ChatRoles.Assistant, text.ToString()), null, "stop")],
                        Usage(e.Usage)),
                    GatewayJson.Api);
            }
        }

        return Problems.Coded(StatusCodes.Status502BadGateway, "incomplete", "The answer did not complete.", "The answer stream ended early.");
    }

    private static async IAsyncEnumerable<SseItem<string>> Chunks(
        IAsyncEnumerable<ChatEvent> events, string id, long created, string model, bool includeUsage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return Item(new CompletionChunk(id, "chat.completion.chunk", created, model, [new ChunkChoice(0, new ChunkDelta(ChatRoles.Assistant, ""), null, null)]));
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            switch (e.Type)
            {
                case ChatEventTypes.Delta:
                    yield return Item(new CompletionChunk(id, "chat.completion.chunk", created, model, [new ChunkChoice(0, new ChunkDelta(Content: e.Content), null, null)]));
                    break;
                case ChatEventTypes.Done:
                    yield return Item(new CompletionChunk(id, "chat.completion.chunk", created, model, [new ChunkChoice(0, new ChunkDelta(), null, "stop")]));
                    if (includeUsage)
                    {
                        yield return Item(new CompletionChunk(id, "chat.completion.chunk", created, model, [], Usage(e.Usage)));
                    }

                    yield return new SseItem<string>(Done);
                    yield break;
                case ChatEventTypes.Error:
                    // OpenAI streams report a failure as an error object; clients raise it instead of waiting for [DONE].
                    yield return new SseItem<string>(JsonSerializer.Serialize(
                        new ErrorBody(new ErrorDetail(e.Message ?? "The answer failed.", "server_error", null, e.Code)), GatewayJson.Api));
                    yield break;
            }
        }
    }

    private static SseItem<string> Item(CompletionChunk chunk) => new(JsonSerializer.Serialize(chunk, GatewayJson.Api));

    private static CompletionUsage Usage(TokenUsage? usage) =>
        new(usage?.InputTokens ?? 0, usage?.OutputTokens ?? 0, usage?.TotalTokens ?? 0);

    private static string ModelId(ChatModelOptions options) =>
        options.Provider == ChatProviders.OpenAI && options.OpenAI.Model is { Length: > 0 } m ? m : options.Embedded.ModelId;
}
