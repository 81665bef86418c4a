using Chatbot.Conversations;

namespace Chatbot.Gateway.Chat;

/// <summary>Starts the turn of a validated chat request: shared by the SSE endpoint and the gRPC chat service.</summary>
internal static class ChatTurns
{
    /// <summary>
    /// Starts the turn, or finds the one <paramref name="requestId"/> already started (retries and resumes). A request
    /// without a conversation id gets a new conversation. <paramref name="userId"/> is whose memory the turn uses.
    /// </summary>
    public static async Task<StartedTurn> StartAsync(
        IGrainFactory grains, string tenant, string requestId, ChatStreamRequest request, string question, string? userId, CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId ?? "c_" + Guid.NewGuid().ToString("N");
        var grain = grains.GetGrain<IConversationGrain>(ConversationKey.Format(tenant, conversationId));
        var start = await grain.StartTurnAsync(new TurnRequest
        {
            RequestId = requestId,
            Content = question,
            Temperature = request.Temperature,
            TopK = request.TopK,
            UseGraphRag = request.UseGraphRag ?? false,
            UseCache = request.UseCache ?? false,
            DatasetIds = request.DatasetIds is { Count: > 0 } datasets ? datasets : null,
            UserId = userId,
        }, cancellationToken);
        return new StartedTurn(grain, conversationId, start.Outcome == TurnStartOutcome.Busy);
    }

    /// <summary>Why a busy conversation refused the turn.</summary>
    public static string BusyMessage(string conversationId) =>
        $"Conversation '{conversationId}' is answering another request; retry when it is done.";
}

/// <summary>A turn that was started (or found), or refused because <see cref="Busy"/> with another one.</summary>
internal sealed record StartedTurn(IConversationGrain Grain, string ConversationId, bool Busy);
