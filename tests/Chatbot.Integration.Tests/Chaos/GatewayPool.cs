namespace Chatbot.Integration.Tests.Chaos;

/// <summary>The gateways clients may use right now; a killed gateway is removed before it dies, a new one added when
/// ready. Clients spread over them round-robin and move on to the next one when a request fails. Thread-safe.</summary>
internal sealed class GatewayPool
{
    private readonly Lock _lock = new();
    private readonly List<Uri> _live = [];
    private int _next;

    public void Add(Uri gateway)
    {
        lock (_lock)
        {
            _live.Add(gateway);
        }
    }

    public void Remove(Uri gateway)
    {
        lock (_lock)
        {
            _live.Remove(gateway);
        }
    }

    public Uri Next()
    {
        lock (_lock)
        {
            return _live[_next++ % _live.Count];
        }
    }
}
