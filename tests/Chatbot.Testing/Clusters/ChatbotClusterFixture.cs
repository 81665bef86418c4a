using Chatbot.Hosting;
using Chatbot.Testing.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit;

namespace Chatbot.Testing.Clusters;

/// <summary>
/// A two-silo in-process Orleans cluster configured through the platform's own <c>AddChatbotSilo</c>, with in-memory
/// grain storage and a shared <see cref="ScriptedChatClient"/> as the model.
/// </summary>
public sealed class ChatbotClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    /// <summary>The model every silo uses.</summary>
    public ScriptedChatClient Model { get; } = new();

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>A client of the cluster.</summary>
    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:Provider"] = ClusteringProviders.External,
            ["Chatbot:Storage:Provider"] = StorageProviders.Memory,
        };
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddChatbotSilo(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            silo.Services.AddSingleton<IChatClient>(Model);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
