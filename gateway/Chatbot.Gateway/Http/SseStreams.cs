using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Chatbot.Gateway.Draining;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Http;

/// <summary>
/// Grain event streams as SSE: <c>id</c> is the event's seq, <c>data</c> its JSON. When the gateway begins draining
/// mid-stream, the stream ends early with a <see cref="ReconnectEventType"/> item carrying the SSE <c>retry</c> hint and no
/// id, so the client's <c>Last-Event-ID</c> stays on the last real event and it resumes elsewhere.
/// </summary>
internal static class SseStreams
{
    /// <summary>Event type of the last item of a stream ended because the gateway is draining.</summary>
    public const string ReconnectEventType = "reconnect";

    /// <summary>SSE of <paramref name="events"/>, each written by <paramref name="serialize"/> with <paramref name="seqOf"/> as its id.</summary>
    public static ServerSentEventsResult<string> ToSse<T>(
        IAsyncEnumerable<T> events, Func<T, string> serialize, Func<T, long> seqOf, GatewayDrain drain) =>
        TypedResults.ServerSentEvents(Items(events, serialize, seqOf, drain));

    private static async IAsyncEnumerable<SseItem<string>> Items<T>(
        IAsyncEnumerable<T> events, Func<T, string> serialize, Func<T, long> seqOf, GatewayDrain drain,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in DrainingRelay.RelayAsync(events, drain, cancellationToken))
        {
            if (!item.Reconnect)
            {
                yield return new SseItem<string>(serialize(item.Event!)) { EventId = seqOf(item.Event!).ToString(CultureInfo.InvariantCulture) };
                continue;
            }

            // Draining: the grain keeps working; the client reconnects (to another gateway) and resumes.
            yield return new SseItem<string>(
                $$"""{"type":"{{ReconnectEventType}}","retry_ms":{{(long)drain.RetryHint.TotalMilliseconds}}}""", ReconnectEventType)
            {
                ReconnectionInterval = drain.RetryHint,
            };
        }
    }
}
