using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Chatbot.Tools.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the HTTP tool: resolves the host itself, refuses if any
/// address is blocked (and not an exact permitted endpoint), and connects to the address it checked. Resolution,
/// check and connect happen in one place, so DNS rebinding cannot swap the address between check and use.
/// </summary>
internal sealed class GuardedConnector(IHostResolver resolver, IReadOnlySet<IPEndPoint> permitted)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        IReadOnlyList<IPAddress> addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Count == 0)
        {
            throw new IOException($"The host '{host}' does not resolve.");
        }

        // Every address must pass: a name that resolves to one public and one private address is refused outright.
        foreach (var address in addresses)
        {
            var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            if (BlockedAddresses.Reason(normalized) is { } reason && !permitted.Contains(new IPEndPoint(normalized, port)))
            {
                throw new BlockedAddressException(host, normalized, reason);
            }
        }

        var failures = new List<Exception>();
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                failures.Add(ex);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new IOException($"Could not connect to '{host}' on port {port}.", new AggregateException(failures));
    }
}
