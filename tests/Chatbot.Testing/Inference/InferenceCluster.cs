using System.Collections.Concurrent;
using Chatbot.Grains.Placement;
using Chatbot.Hosting;
using Chatbot.Hosting.Storage.Knowledge;
using Chatbot.Knowledge.Store;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Chatbot.Testing.Inference;

/// <summary>
/// An in-process cluster of three silos configured by <c>AddChatbotSilo</c>, of which the one named by
/// <c>gpuSilo</c> (if any) says <c>Chatbot:Silo:Accelerator=gpu</c>. Each silo has its own
/// <see cref="RecordingEmbeddingGenerator"/> as its model, so a test sees which silo embedded; all share one knowledge
/// store in a private folder, as they would share a database.
/// </summary>
public sealed class InferenceCluster : IAsyncDisposable
{
    /// <summary>Names the test cluster gives its silos, in start order.</summary>
    public static readonly IReadOnlyList<string> SiloNames = ["Silo_0", "Silo_1", "Silo_2"];

    private readonly InProcessTestCluster _cluster;
    private readonly ServiceProvider _store;
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, RecordingEmbeddingGenerator> _models;

    private InferenceCluster(
        InProcessTestCluster cluster, ServiceProvider store, string dataDirectory, IReadOnlyDictionary<string, RecordingEmbeddingGenerator> models)
    {
        _cluster = cluster;
        _store = store;
        _dataDirectory = dataDirectory;
        _models = models;
    }

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => _cluster.Client;

    /// <summary>The silos, in start order.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => [.. _cluster.Silos];

    /// <summary>The model of the silo named <paramref name="siloName"/>.</summary>
    public RecordingEmbeddingGenerator ModelOf(string siloName) => _models[siloName];

    /// <summary>The address (<c>SiloAddress.ToString()</c>) of the silo named <paramref name="siloName"/>.</summary>
    public string AddressOf(string siloName) => Silos.Single(s => s.Name == siloName).SiloAddress.ToString();

    /// <summary>The grain factory of a silo: calls made through it are placed by that silo.</summary>
    public static IGrainFactory GrainsOf(InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Starts the cluster. <paramref name="gpuSilo"/> is one of <see cref="SiloNames"/> or null (no GPU silo);
    /// <paramref name="settings"/> adds <c>Chatbot:*</c> settings (inference options ...).
    /// </summary>
    public static async Task<InferenceCluster> StartAsync(
        string? gpuSilo, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chatbot-inference-").FullName;
        var common = new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.External,
            ["Chatbot:Storage:Provider"] = StorageProviders.Memory,
            ["Chatbot:DataDirectory"] = dataDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            common[key] = value;
        }

        var store = new ServiceCollection()
            .AddChatbotKnowledgeStore(ChatbotHostingOptionsValidator.Read(new ConfigurationBuilder().AddInMemoryCollection(common).Build()))
            .BuildServiceProvider();
        var models = new ConcurrentDictionary<string, RecordingEmbeddingGenerator>();
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.AssumeHomogenousSilosForTesting = false;
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(common)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Chatbot:Silo:Accelerator"] = silo.SiloName == gpuSilo ? AcceleratorMetadata.Gpu : AcceleratorMetadata.Cpu,
                })
                .Build();
            siloBuilder.AddChatbotSilo(configuration);
            siloBuilder.Services.AddSingleton(store.GetRequiredService<IKnowledgeStore>());
            siloBuilder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(models.GetOrAdd(silo.SiloName, _ => new RecordingEmbeddingGenerator()));
        });
        var cluster = builder.Build();
        var started = new InferenceCluster(cluster, store, dataDirectory, models);
        try
        {
            await cluster.DeployAsync(cancellationToken);
            if (gpuSilo is not null)
            {
                await started.WaitUntilEverySiloKnowsTheGpuAsync(gpuSilo, cancellationToken);
            }
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    // Orleans fetches a joining silo's metadata in the background and offers no event for it, so this waits (bounded)
    // until every silo's view includes the GPU silo; placement before that would rightly fall back to the CPU.
    private async Task WaitUntilEverySiloKnowsTheGpuAsync(string gpuSilo, CancellationToken cancellationToken)
    {
        var gpu = Silos.Single(s => s.Name == gpuSilo).SiloAddress;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        foreach (var silo in Silos)
        {
            var view = silo.ServiceProvider.GetRequiredService<GpuSilos>();
            while (!view.IsGpu(gpu))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
