using System.Net;

namespace Chatbot.Tools.Http;

/// <summary>
/// Resolves host names for the HTTP tool. The tool checks every address this returns and connects only to a checked
/// one, so a resolver cannot smuggle a private address past it; tests inject one that maps names to chosen addresses.
/// </summary>
public interface IHostResolver
{
    /// <summary>The addresses of <paramref name="host"/>; empty when it does not resolve.</summary>
    ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver (<see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken);
}
