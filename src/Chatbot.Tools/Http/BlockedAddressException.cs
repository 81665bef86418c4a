using System.Net;

namespace Chatbot.Tools.Http;

/// <summary>Raised inside the connection callback when a host resolves to an address the tool must not reach.</summary>
internal sealed class BlockedAddressException(string host, IPAddress address, string reason)
    : IOException($"Refused to connect to '{host}': it resolves to {address}, {reason}.")
{
    public IPAddress Address { get; } = address;
}
