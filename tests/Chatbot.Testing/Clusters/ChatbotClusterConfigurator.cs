using Chatbot.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Chatbot.Testing.Clusters;

/// <summary>
/// Configures the silos and the client of a <see cref="TestCluster"/> exactly as the silo process does,
/// through <see cref="ChatbotSiloBuilderExtensions.AddChatbotSilo"/> and
/// <see cref="ChatbotSiloBuilderExtensions.AddChatbotClient"/>, with the cluster's <c>Chatbot:*</c> settings (the
/// builder's properties) plus the ports and cluster id the test cluster assigned to each silo.
/// </summary>
public sealed class ChatbotClusterConfigurator : ISiloConfigurator, IClientBuilderConfigurator
{
    /// <inheritdoc />
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        siloBuilder.AddChatbotSilo(Overlay(configuration, new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:SiloPort"] = configuration["Orleans:Endpoints:SiloPort"],
            ["Chatbot:Clustering:GatewayPort"] = configuration["Orleans:Endpoints:GatewayPort"],
            ["Chatbot:Clustering:AdvertisedAddress"] = "127.0.0.1",
        }));
    }

    /// <inheritdoc />
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.AddChatbotClient(Overlay(configuration, []));

    // The test cluster's own id keeps clusters of different tests apart; the service id comes from the test's settings
    // (so a restarted cluster finds the state) and falls back to the test cluster's.
    private static IConfiguration Overlay(IConfiguration configuration, Dictionary<string, string?> settings)
    {
        settings["Chatbot:Clustering:ClusterId"] = configuration["Orleans:ClusterId"];
        settings["Chatbot:Clustering:ServiceId"] = configuration["Chatbot:Clustering:ServiceId"] ?? configuration["Orleans:ServiceId"];
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings).Build();
    }
}
