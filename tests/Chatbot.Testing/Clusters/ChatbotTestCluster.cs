using Orleans.TestingHost;

namespace Chatbot.Testing.Clusters;

/// <summary>Builds <see cref="TestCluster"/>s of real silos (TCP, the configured clustering provider) for the platform.</summary>
public static class ChatbotTestCluster
{
    /// <summary>
    /// A cluster of <paramref name="silos"/> silos configured by <paramref name="settings"/> (<c>Chatbot:*</c> keys, e.g.
    /// <c>Chatbot:Clustering:Provider</c>), not yet deployed. Membership goes through the configured provider, not the
    /// test cluster's in-memory table.
    /// </summary>
    public static TestCluster Create(IReadOnlyDictionary<string, string?> settings, short silos = 2)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        foreach (var (key, value) in settings)
        {
            builder.Properties[key] = value;
        }

        builder.Properties.TryAdd("Chatbot:Clustering:ServiceId", "chatbot-" + Guid.NewGuid().ToString("N"));
        builder.AddSiloBuilderConfigurator<ChatbotClusterConfigurator>();
        builder.AddClientBuilderConfigurator<ChatbotClusterConfigurator>();
        return builder.Build();
    }
}
