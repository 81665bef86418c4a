using System.Collections.Concurrent;
using System.Net;
using Chatbot.Tools.Http;

namespace Chatbot.Tools.Tests.Http;

/// <summary>A resolver for tests: names map to the addresses the test chooses; every lookup is recorded.</summary>
internal sealed class MappedHostResolver(Dictionary<string, IPAddress[]> map) : IHostResolver
{
    public ConcurrentQueue<string> Lookups { get; } = new();

    public ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(host);
        return ValueTask.FromResult<IReadOnlyList<IPAddress>>(map.TryGetValue(host, out var addresses) ? addresses : []);
    }
}
