using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Chatbot.Conversations;
using Chatbot.Gateway.Draining;
using Chatbot.Gateway.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Chat;

/// <summary>Turns a grain's event stream into HTTP answers: SSE with resumable ids, or one JSON body.</summary>
internal static class TurnStreams
{
    /// <summary>The SSE header a reconnecting client sends with the last <c>seq</c> it received.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>Reads <c>Last-Event-ID</c>: 0 when absent.</summary>
    public static (long AfterSeq, ValidationProblem? Problem) ReadLastEventId(HttpRequest request)
    {
        var value = request.Headers[LastEventIdHeader].ToString();
        if (value.Length == 0)
        {
            return (0, null);
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? (seq, null)
            : (0, Problems.BadField(LastEventIdHeader, $"{LastEventIdHeader} must be a non-negative integer (the seq of the last event received)."));
    }

    /// <summary>Event type of the last item of a stream ended because the gateway is draining.</summary>
    public const string ReconnectEventType = SseStreams.ReconnectEventType;

    /// <summary>SSE items: <c>id</c> is the event's seq, <c>data</c> its JSON; draining ends the stream with a reconnect hint (<see cref="SseStreams"/>).</summary>
    public static ServerSentEventsResult<string> ToSse(IAsyncEnumerable<ChatEvent> events, GatewayDrain drain) =>
        SseStreams.ToSse(events, e => JsonSerializer.Serialize(e, GatewayJson.Events), e => e.Seq, drain);

    /// <summary>Collects a whole turn into one JSON body (for <c>"stream": false</c>).</summary>
    public static async Task<IResult> CollectAsync(
        IAsyncEnumerable<ChatEvent> events, string conversationId, string requestId, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        IReadOnlyList<ChatReference> references = [];
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            switch (e.Type)
            {
                case ChatEventTypes.Delta:
                    text.Append(e.Content);
                    break;
                case ChatEventTypes.Refs:
                    references = e.References ?? [];
                    break;
                case ChatEventTypes.Done:
                    return TypedResults.Ok(new ChatAnswer(conversationId, requestId, text.ToString(), references, e.Usage ?? TokenUsage.Zero));
                case ChatEventTypes.Error:
                    return ErrorResult(e);
            }
        }

        return Problems.Coded(StatusCodes.Status502BadGateway, "incomplete", "The answer did not complete.", "The answer stream ended early.");
    }

    /// <summary>The HTTP problem for a terminal error event.</summary>
    public static ProblemHttpResult ErrorResult(ChatEvent error) => error.Code switch
    {
        "model_timeout" => Problems.Coded(StatusCodes.Status504GatewayTimeout, error.Code, "The model timed out.", error.Message ?? ""),
        "turn_not_found" => Problems.Coded(StatusCodes.Status404NotFound, error.Code, "Not found.", error.Message ?? ""),
        _ => Problems.Coded(StatusCodes.Status502BadGateway, error.Code ?? "error", "The answer failed.", error.Message ?? ""),
    };

    /// <summary>A grain's events relayed for gRPC: the last item is a reconnect hint when the gateway begins draining (see <see cref="DrainingRelay"/>).</summary>
    public static async IAsyncEnumerable<TurnStreamItem> RelayAsync(
        IAsyncEnumerable<ChatEvent> events, GatewayDrain drain, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in DrainingRelay.RelayAsync(events, drain, cancellationToken))
        {
            yield return item.Reconnect ? new TurnStreamItem(null, drain.RetryHint) : new TurnStreamItem(item.Event, TimeSpan.Zero);
        }
    }
}

/// <summary>An item of a relayed turn: a grain <see cref="Event"/>, or (when null, last) the hint to reconnect after
/// <see cref="RetryHint"/> because the gateway is draining.</summary>
internal readonly record struct TurnStreamItem(ChatEvent? Event, TimeSpan RetryHint);

/// <summary>A whole answer, for <c>"stream": false</c>.</summary>
public sealed record ChatAnswer(
    string ConversationId, string RequestId, string Content, IReadOnlyList<ChatReference> References, TokenUsage Usage);
