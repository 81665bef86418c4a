using System.Runtime.CompilerServices;

namespace Chatbot.Gateway.Draining;

/// <summary>
/// Relays a grain's event stream to a client (SSE or gRPC alike) until it ends or the gateway begins draining; then the
/// relay stops early and its last item is a reconnect hint. The grain keeps working; the client resumes, through another
/// gateway, from the last event it received.
/// </summary>
internal static class DrainingRelay
{
    public static async IAsyncEnumerable<RelayItem<T>> RelayAsync<T>(
        IAsyncEnumerable<T> events, GatewayDrain drain, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, drain.Draining);
        await using var enumerator = events.GetAsyncEnumerator(stopping.Token);
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync();
            }
            catch (OperationCanceledException) when (drain.IsDraining && !cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (!more)
            {
                yield break;
            }

            yield return new RelayItem<T>(enumerator.Current, Reconnect: false);
        }

        yield return new RelayItem<T>(default, Reconnect: true);
    }
}

/// <summary>An item of a relayed stream: an event, or (last, <see cref="Reconnect"/>) the hint to resume elsewhere.</summary>
internal readonly record struct RelayItem<T>(T? Event, bool Reconnect);
