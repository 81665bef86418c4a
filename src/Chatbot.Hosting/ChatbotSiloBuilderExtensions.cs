using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Chatbot.Agents.Chat;
using Chatbot.Agents.Hosting;
using Chatbot.Agents.Memory;
using Chatbot.AI.Chat;
using Chatbot.Grains.Knowledge;
using Chatbot.Grains.Memory;
using Chatbot.Hosting.Clustering;
using Chatbot.Hosting.Dashboard;
using Chatbot.Hosting.Inference;
using Chatbot.Hosting.Knowledge;
using Chatbot.Hosting.Storage;
using Chatbot.Grains.Placement;
using Chatbot.Hosting.Storage.Embedded;
using Chatbot.Hosting.Storage.Knowledge;
using Chatbot.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Chatbot.Knowledge;
using Chatbot.Tools.Knowledge;
using Chatbot.Voice;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Chatbot.Hosting;

/// <summary>
/// The one silo configuration, used by the silo process, the gateway's co-hosted single-machine mode and the tests:
/// clustering, grain storage, membership timings and the platform's services, all chosen by configuration.
/// </summary>
public static class ChatbotSiloBuilderExtensions
{
    /// <summary>ADO.NET invariant name of the PostgreSQL driver.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Configures <paramref name="silo"/> from the <c>Chatbot</c> configuration section.</summary>
    /// <exception cref="InvalidOperationException">The configuration is invalid; the message names each setting at fault.</exception>
    public static ISiloBuilder AddChatbotSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = ChatbotHostingOptionsValidator.Read(configuration);
        var clustering = options.Clustering;
        if (clustering.Provider != ClusteringProviders.External)
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clustering.ClusterId;
                o.ServiceId = clustering.ServiceId;
            });
            silo.Configure<ClusterMembershipOptions>(o => ConfigureFastFailureDetection(o, clustering));
        }

        // The same bound as gateways use: a streamed answer's heartbeat comes every half of the silo's timeout, so a
        // silo timeout longer than the gateway's would let a slow first token trip the gateway's.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(clustering.ResponseTimeoutSeconds));

        switch (clustering.Provider)
        {
            case ClusteringProviders.External:
                break;
            case ClusteringProviders.Redis:
                silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(clustering.ConnectionString!));
                ConfigureEndpoints(silo, clustering);
                break;
            case ClusteringProviders.AdoNet:
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = clustering.ConnectionString;
                });
                ConfigureEndpoints(silo, clustering);
                break;
            default:
                silo.UseLocalhostClustering(clustering.SiloPort, clustering.GatewayPort, serviceId: clustering.ServiceId, clusterId: clustering.ClusterId);
                break;
        }

        switch (options.Storage.Provider)
        {
            case StorageProviders.AdoNet:
                silo.AddAdoNetGrainStorage(ProviderNames.GrainState, o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = options.Storage.ConnectionString;
                });
                break;
            case StorageProviders.Memory:
                silo.AddMemoryGrainStorage(ProviderNames.GrainState);
                break;
            default:
                silo.Services.AddEmbeddedGrainStorage(
                    ProviderNames.GrainState, Path.Combine(Path.GetFullPath(options.DataDirectory), "chatbot.db"));
                break;
        }

        // Reminders wake a knowledge base whose index job was cut short by a dead silo or a restart. They are durable
        // wherever grain state is (PostgreSQL, the embedded SQLite file); with memory storage nothing survives anyway.
        switch (options.Storage.Provider)
        {
            case StorageProviders.AdoNet:
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = options.Storage.ConnectionString;
                });
                break;
            case StorageProviders.Memory:
                silo.UseInMemoryReminderService();
                break;
            default:
                silo.UseEmbeddedReminderService(Path.Combine(Path.GetFullPath(options.DataDirectory), "chatbot.db"));
                break;
        }

        // The index job's and agent runs' reminder periods are knowledge and agent settings; let the reminder service accept them.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<KnowledgeOptions>, IOptions<AgentsOptions>>((reminders, knowledge, agents) =>
            reminders.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(
                reminders.MinimumReminderPeriod.Ticks,
                Math.Min(knowledge.Value.IndexJobReminderPeriod.Ticks, agents.Value.RunReminderPeriod.Ticks))));

        silo.Services.AddChatbotPostgresMigrations(options);
        silo.Services.AddSingleton(options);
        silo.Services.AddPlacementDirector<PartitionPlacementStrategy, PartitionPlacementDirector>();
        silo.Services.AddChatbotKnowledgeStore(options);
        silo.Services.AddChatbotKnowledge(configuration);
        // Each chat turn: the user's long-term memory, then tools for tenants that opted in (inside the guards).
        silo.Services.AddChatbotChatModel(configuration, turns => turns.UseUserMemory().UseChatTools());
        silo.Services.AddChatbotAgents(configuration);
        silo.Services.TryAddSingleton<IKnowledgeSearcher, GrainKnowledgeSearcher>();
        silo.Services.TryAddSingleton<IAgentMemory, GrainAgentMemory>();
        silo.Services.AddChatbotVoice(configuration);
        silo.AddChatbotInference(configuration, options);
        silo.Services.AddChatbotTelemetry(configuration, ChatbotTelemetryOptions.SiloServiceName);
        silo.AddActivityPropagation();
        silo.AddChatbotDashboard(configuration);
        if (clustering.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }

        return silo;
    }

    /// <summary>Configures an Orleans client (a gateway that does not host a silo) to join the same cluster.</summary>
    public static IClientBuilder AddChatbotClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = ChatbotHostingOptionsValidator.Read(configuration);
        var clustering = options.Clustering;
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = clustering.ClusterId;
            o.ServiceId = clustering.ServiceId;
        });
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(clustering.ResponseTimeoutSeconds));
        switch (clustering.Provider)
        {
            case ClusteringProviders.Redis:
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(clustering.ConnectionString!));
                break;
            case ClusteringProviders.AdoNet:
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = clustering.ConnectionString;
                });
                break;
            default:
                client.UseLocalhostClustering(clustering.GatewayPort, clustering.ServiceId, clustering.ClusterId);
                break;
        }

        // Without a silo to talk to, keep trying (readiness says so) rather than failing start-up.
        client.UseConnectionRetryFilter<ClusterConnectionRetryFilter>();
        client.AddActivityPropagation();
        client.AddChatbotDashboard(configuration);
        client.Services.AddSingleton(options);
        return client;
    }

    // The 12 s default lets a dead silo hold its grains for too long; these settings detect it in about two seconds.
    private static void ConfigureFastFailureDetection(ClusterMembershipOptions o, ClusteringOptions clustering)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(clustering.ProbeTimeoutSeconds);
        o.NumMissedProbesLimit = clustering.MissedProbesLimit;
        o.NumVotesForDeathDeclaration = 1;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, ClusteringOptions clustering)
    {
        var address = clustering.AdvertisedAddress is { Length: > 0 } configured
            ? IPAddress.Parse(configured)
            : FirstNonLoopbackAddress() ?? IPAddress.Loopback;
        silo.ConfigureEndpoints(address, clustering.SiloPort, clustering.GatewayPort, listenOnAnyHostAddress: true);
    }

    private static IPAddress? FirstNonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
}
