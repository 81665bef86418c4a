using Chatbot.AI.Chat;
using Chatbot.Benchmarks.Profiling;
using Chatbot.Testing.Gateway;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>
/// The platform as it runs on one machine: the test suite's <see cref="GatewayHost"/> (the real gateway on a loopback
/// Kestrel port with its co-hosted silo), SQLite grain state in a temporary folder, anonymous auth and no rate limit.
/// Only the model is replaced: <see cref="FixedAnswerChatClient"/>, behind the same logging and telemetry middleware
/// the platform composes.
/// </summary>
internal sealed class PlatformServer : IAsyncDisposable
{
    private readonly GatewayHost _host;
    private readonly string _directory;

    private PlatformServer(GatewayHost host, string directory, FixedAnswerChatClient model)
    {
        _host = host;
        _directory = directory;
        Endpoint = new Uri(host.BaseAddress, "/api/v1/chat/stream");
        Model = model;
    }

    /// <summary>The chat stream endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The model the conversation grains call.</summary>
    public FixedAnswerChatClient Model { get; }

    public static async Task<PlatformServer> StartAsync(
        bool yieldBetweenTokens, string storage, TurnProbe? probe, OrleansProbe? orleansProbe, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("chatbot-bench-").FullName;
        var model = new FixedAnswerChatClient(yieldBetweenTokens, probe);
        var host = await GatewayHost.StartAsync(
            new Dictionary<string, string> { ["Chatbot:RateLimit:Enabled"] = "false" },
            dataDirectory: directory,
            services: services =>
            {
                // Registered after the platform's own IChatClient, so this one is what the grains resolve.
                services.AddChatClient(model)
                    .UseLogging()
                    .UseOpenTelemetry(sourceName: ChatServiceCollectionExtensions.TelemetrySourceName);
                if (storage == "none")
                {
                    NoOpGrainStorage.Install(services);
                }

                probe?.Install(services);
                orleansProbe?.Install(services);
            },
            cancellationToken: cancellationToken);
        return new PlatformServer(host, directory, model);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
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
