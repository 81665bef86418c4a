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
    private readonly string? _gpuSilo;

    private InferenceCluster(
        InProcessTestCluster cluster, ServiceProvider store, string dataDirectory, IReadOnlyDictionary<string, RecordingEmbeddingGenerator> models,
        string? gpuSilo)
    {
        _cluster = cluster;
        _gpuSilo = gpuSilo;
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
    /// Starts the cluster. <paramref name="gpuSilo"/> is one of <see cref="SiloNames"/>, the name of a silo added later
    /// (<c>Silo_3</c>, see <see cref="StartAdditionalSiloAsync"/>), or null (no GPU silo);
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
        var started = new InferenceCluster(cluster, store, dataDirectory, models, gpuSilo);
        try
        {
            await cluster.DeployAsync(cancellationToken);
            if (started.Silos.Any(s => s.Name == gpuSilo))
            {
                await started.WaitUntilEverySiloKnowsTheGpuAsync(gpuSilo!, cancellationToken);
            }
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>Starts one more silo (named <c>Silo_3</c>, then <c>Silo_4</c> ...); when it is the GPU silo, returns once every silo knows it.</summary>
    public async Task<InProcessSiloHandle> StartAdditionalSiloAsync(CancellationToken cancellationToken)
    {
        var silo = await _cluster.StartAdditionalSiloAsync();
        // Placement only considers silos whose grain types the placing silo's cluster manifest lists.
        await _cluster.WaitForClusterManifestToStabilizeAsync();
        if (silo.Name == _gpuSilo)
        {
            await WaitUntilEverySiloKnowsTheGpuAsync(silo.Name, cancellationToken);
        }

        return silo;
    }

    // Orleans fetches a joining silo's metadata in the background and offers no event for it, so this waits (bounded)
    // until every silo sees the GPU silo as active and knows its metadata; placement before that would rightly fall
    // back to the CPU.
    private async Task WaitUntilEverySiloKnowsTheGpuAsync(string gpuSilo, CancellationToken cancellationToken)
    {
        var gpu = Silos.Single(s => s.Name == gpuSilo).SiloAddress;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        foreach (var silo in Silos)
        {
            var view = silo.ServiceProvider.GetRequiredService<GpuSilos>();
            while (!view.IsGpu(gpu) || !view.AnyActive())
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
