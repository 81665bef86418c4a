using System.Net;
using System.Net.Sockets;
using Chatbot.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Testing.Gateway;

/// <summary>
/// The whole single-machine platform (gateway, co-hosted silo, embedded model, web UI) on a real Kestrel port on the
/// loopback address, with in-memory grain state, anonymous access and a private data directory. Each instance uses its
/// own free ports, so servers can run side by side.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private GatewayServer(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:40123/</c> (with the trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts a server. <paramref name="settings"/> are configuration keys and values (e.g.
    /// <c>Chatbot:Model:Embedded:WordDelayMs</c>) applied over the defaults, last one winning.
    /// </summary>
    public static async Task<GatewayServer> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chatbot-e2e-").FullName;
        var arguments = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["webroot"] = RepositoryPaths.GatewayWebRoot,
            ["Chatbot:DataDirectory"] = dataDirectory,
            ["Chatbot:Storage:Provider"] = "memory",
            ["Chatbot:Auth:AllowAnonymous"] = "true",
            ["Chatbot:Clustering:Provider"] = "localhost",
            ["Chatbot:Clustering:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        var app = GatewayApp.Build([.. arguments.Select(a => $"--{a.Key}={a.Value}")]);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }

        // Kestrel picked the port ("0" above); the bound address is known only now.
        var address = app.Urls.Single();
        return new GatewayServer(app, dataDirectory, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An HTTP client for the server's API.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await _app.StopAsync(stopping.Token);
        }

        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    // Orleans' localhost clustering needs fixed ports; ask the OS for free ones.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
