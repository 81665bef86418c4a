using Chatbot.AI.Chat;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Profiling;
using Chatbot.Gateway;
using Chatbot.Testing.Servers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>
/// The platform as it runs on one machine: <see cref="GatewayApp"/> on a loopback Kestrel port with its co-hosted
/// silo, SQLite grain state in a temporary folder, anonymous auth and no rate limit. Only the model is replaced:
/// <see cref="FixedAnswerChatClient"/>, behind the same logging and telemetry middleware the platform composes.
/// </summary>
internal sealed class PlatformServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private PlatformServer(WebApplication app, string directory, Uri endpoint, FixedAnswerChatClient model)
    {
        _app = app;
        _directory = directory;
        Endpoint = endpoint;
        Model = model;
    }

    /// <summary>The chat stream endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The model the conversation grains call.</summary>
    public FixedAnswerChatClient Model { get; }

    public static async Task<PlatformServer> StartAsync(
        bool yieldBetweenTokens, string storage, TurnProbe? probe, OrleansProbe? orleansProbe, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatbot-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        string[] args =
        [
            "--urls", ServerAddress.LoopbackUrls,
            "--contentRoot", directory,
            $"--Chatbot:DataDirectory={Path.Combine(directory, "data")}",
            "--Chatbot:Auth:AllowAnonymous=true",
            "--Chatbot:RateLimit:Enabled=false",
            $"--Chatbot:Clustering:SiloPort={FreePort.Next()}",
            $"--Chatbot:Clustering:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
        ];

        var model = new FixedAnswerChatClient(yieldBetweenTokens, probe);
        var app = GatewayApp.Build(args, builder =>
        {
            // Registered after the platform's own IChatClient, so this one is what the grains resolve.
            builder.Services.AddChatClient(model)
                .UseLogging()
                .UseOpenTelemetry(sourceName: ChatServiceCollectionExtensions.TelemetrySourceName);
            if (storage == "none")
            {
                NoOpGrainStorage.Install(builder.Services);
            }

            probe?.Install(builder.Services);
            orleansProbe?.Install(builder.Services);
        });
        await app.StartAsync(cancellationToken);
        return new PlatformServer(app, directory, new Uri(ServerAddress.Of(app), "/api/v1/chat/stream"), model);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
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
