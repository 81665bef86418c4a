using Chatbot.Testing.Knowledge;
using Chatbot.Hosting;
using Chatbot.Hosting.Storage.Knowledge;
using Chatbot.Knowledge.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit;

namespace Chatbot.Grains.Tests.Knowledge;

/// <summary>
/// A two-silo cluster configured by <c>AddChatbotSilo</c> for knowledge tests: memory grain storage, three partitions
/// (unless <see cref="PartitionCount"/> says otherwise),
/// one knowledge store (a SQLite file in a private folder) shared by both silos as a database would be, and a
/// <see cref="HoldingEmbeddingGenerator"/>.
/// </summary>
public sealed class KnowledgeClusterFixture : IAsyncLifetime
{
    public const int Partitions = 3;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("chatbot-kb-").FullName;
    private ServiceProvider? _storeServices;
    private InProcessTestCluster? _cluster;

    /// <summary>Grain storage: memory (default), or <c>embedded</c> for tests that kill a silo (memory storage lives in
    /// grains, so a killed silo would take state with it, which a database never does).</summary>
    public string StorageProvider { get; init; } = StorageProviders.Memory;

    /// <summary>Partitions of every dataset the cluster creates.</summary>
    public int PartitionCount { get; init; } = Partitions;

    public HoldingEmbeddingGenerator Embeddings { get; } = new();

    public IKnowledgeStore Store => _storeServices!.GetRequiredService<IKnowledgeStore>();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.External,
            ["Chatbot:Storage:Provider"] = StorageProvider,
            ["Chatbot:DataDirectory"] = _dataDirectory,
            ["Chatbot:Knowledge:Partitions"] = PartitionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Knowledge:DefaultChunkSize"] = "64",
            ["Chatbot:Knowledge:DefaultOverlap"] = "8",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _storeServices = new ServiceCollection()
            .AddChatbotKnowledgeStore(ChatbotHostingOptionsValidator.Read(configuration))
            .BuildServiceProvider();

        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddChatbotSilo(configuration);
            silo.Services.AddSingleton(Store);
            silo.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(Embeddings);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Embeddings.Release();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_storeServices is not null)
        {
            await _storeServices.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
