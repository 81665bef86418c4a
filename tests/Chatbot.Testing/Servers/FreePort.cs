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

    /// <summary>
    /// <paramref name="count"/> different free ports: each is held open until all are chosen, so the operating system
    /// cannot hand the same port out twice (it may, to calls of <see cref="Next()"/> made one after another).
    /// </summary>
    /// <param name="count">How many ports.</param>
    public static int[] Next(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
