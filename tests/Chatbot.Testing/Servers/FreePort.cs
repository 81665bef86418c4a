using System.Net;
using System.Net.Sockets;

namespace Chatbot.Testing.Servers;

/// <summary>Free TCP ports on the loopback address for private servers and silos started by tests.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the operating system reports free right now. Another process may take it before the caller binds it, so
    /// servers that fail to bind retry with a fresh port (see <see cref="PostgresServer"/>, <see cref="RedisServer"/>).
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
