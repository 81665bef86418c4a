using System.Net;
using System.Net.Sockets;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>Free TCP ports on the loopback address, for servers that need their port before they start (Orleans).</summary>
internal static class FreePort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
