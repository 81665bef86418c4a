using Chatbot.Hosting;
using Chatbot.Testing.Servers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chatbot.Testing.Knowledge;

/// <summary>
/// One silo in this process, configured exactly as the silo process is (<see cref="ChatbotSiloBuilderExtensions.AddChatbotSilo"/>):
/// localhost clustering on free ports, in-memory grain state and the knowledge store in a temporary data directory
/// that is deleted on dispose. For commands that measure the knowledge grains (evaluation, benchmarks) and for tests
/// that need one silo a separately started gateway joins; cluster tests use <c>ChatbotTestCluster</c>.
/// </summary>
public sealed class KnowledgeSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;

    private KnowledgeSilo(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
    }

    /// <summary>Grains of the silo.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's services (the knowledge store, options …).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a silo; <paramref name="settings"/> (<c>Chatbot:Knowledge:Partitions</c> …) override the defaults.</summary>
    public static async Task<KnowledgeSilo> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatbot-knowledge-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory });
        var ports = FreePort.Next(2);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:DataDirectory"] = Path.Combine(directory, "data"),
            ["Chatbot:Storage:Provider"] = StorageProviders.Memory,
            ["Chatbot:Clustering:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:ClusterId"] = "knowledge-" + Path.GetFileName(directory),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo => silo.AddChatbotSilo(builder.Configuration));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return new KnowledgeSilo(host, directory);
    }

    /// <summary>Stops the silo and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {_directory}: {ex.Message}");
        }
    }
}
