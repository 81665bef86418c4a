using Chatbot.Gateway;
using Chatbot.Testing.Models;
using Chatbot.Testing.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Testing.Gateway;

/// <summary>
/// The real gateway (co-hosted silo) on a real Kestrel loopback port, with its own data directory. Settings are
/// passed as command-line configuration, exactly as an operator would.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDataDirectory;

    private GatewayHost(WebApplication app, Uri baseAddress, Uri grpcAddress, string dataDirectory, bool ownsDataDirectory, Task started)
    {
        _app = app;
        Started = started;
        BaseAddress = baseAddress;
        GrpcAddress = grpcAddress;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the gateway listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Where the gateway's gRPC API listens (its own HTTP/2 port).</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The embedded storage folder.</summary>
    public string DataDirectory { get; }

    /// <summary>A client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Completes when the whole app has started (a client-mode gateway: once it reached the cluster).</summary>
    public Task Started { get; }

    /// <summary>
    /// Starts a gateway. <paramref name="settings"/> override defaults (anonymous access, memory storage unless a data
    /// directory is given, which selects embedded storage); <paramref name="model"/> replaces the chat model;
    /// <paramref name="services"/> replaces other services (registered after the gateway's own, so they win).
    /// </summary>
    public static Task<GatewayHost> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, IChatClient? model = null, string? dataDirectory = null,
        Action<IServiceCollection>? services = null, CancellationToken cancellationToken = default) =>
        StartAsync(settings, model, dataDirectory, services, untilListening: false, cancellationToken);

    /// <summary>
    /// Starts a gateway and returns as soon as its HTTP server listens, while the rest of start-up may still be under
    /// way (<see cref="Started"/> completes with it): for a client-mode gateway whose cluster is not there yet.
    /// </summary>
    public static Task<GatewayHost> StartListeningAsync(
        IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(settings, model: null, dataDirectory: null, services: null, untilListening: true, cancellationToken);

    private static async Task<GatewayHost> StartAsync(
        IReadOnlyDictionary<string, string>? settings, IChatClient? model, string? dataDirectory,
        Action<IServiceCollection>? services, bool untilListening, CancellationToken cancellationToken)
    {
        // A port reported free can be taken by a parallel test before Kestrel or the silo binds it: start again on
        // fresh ports, at most three times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(settings, model, dataDirectory, services, untilListening, cancellationToken);
            }
            catch (Exception ex) when (attempt < 3 && IsAddressInUse(ex))
            {
                // The failed host was disposed; the loop starts a new one on fresh ports.
            }
        }
    }

    private static bool IsAddressInUse(Exception? ex) =>
        ex is not null && (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || IsAddressInUse(ex.InnerException));

    private static async Task<GatewayHost> StartOnFreePortsAsync(
        IReadOnlyDictionary<string, string>? settings, IChatClient? model, string? dataDirectory,
        Action<IServiceCollection>? services, bool untilListening, CancellationToken cancellationToken)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("chatbot-test-").FullName;
        var ports = FreePort.Next(4);
        var (port, grpcPort) = (ports[0], ports[1]);
        var values = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Chatbot:Gateway:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:DataDirectory"] = dataDirectory,
            ["Chatbot:Storage:Provider"] = owns ? "memory" : "embedded",
            ["Chatbot:Auth:AllowAnonymous"] = "true",
            ["Chatbot:Clustering:SiloPort"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:GatewayPort"] = ports[3].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Model:Embedded:WordDelayMs"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var args = values.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var app = GatewayApp.Build(args, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (model is not null)
            {
                builder.Services.AddSingleton(model);
            }

            services?.Invoke(builder.Services);
            ListeningSignalServer.Decorate(builder.Services);
        });
        Task started;
        try
        {
            started = app.StartAsync(cancellationToken);
            if (untilListening)
            {
                // Start-up may fail before the server listens (bad settings): then its error is the one to report.
                var listening = app.Services.GetRequiredService<ListeningSignalServer>().Listening.Task;
                await Task.WhenAny(listening, started);
                await (listening.IsCompleted ? listening : started);
            }
            else
            {
                await started;
            }
        }
        catch
        {
            await app.DisposeAsync();
            if (owns)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }

            throw;
        }

        return new GatewayHost(app, new Uri($"http://127.0.0.1:{port}/"), new Uri($"http://127.0.0.1:{grpcPort}/"), dataDirectory, owns, started);
    }

    /// <summary>Stops the gateway and its silo (gracefully, so state is flushed as on a normal shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
