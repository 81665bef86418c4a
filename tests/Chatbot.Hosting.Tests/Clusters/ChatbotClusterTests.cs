using Chatbot.Conversations;
using Chatbot.Tenants;
using Chatbot.Testing.Clusters;
using Chatbot.Testing.Servers;
using Npgsql;

namespace Chatbot.Hosting.Tests.Clusters;

/// <summary>Two real silos configured through <c>AddChatbotSilo</c>, grain state in PostgreSQL, restarted in between.</summary>
public sealed class ChatbotClusterTests(PostgresServer postgres, RedisServer redis)
{
    [Theory]
    [InlineData(ClusteringProviders.Redis)]
    [InlineData(ClusteringProviders.AdoNet)]
    public async Task TenantGrain_ClusterRestarted_ReadsConversationsBack(string clusteringProvider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = await postgres.CreateDatabaseAsync(cancellationToken: cancellationToken);
        var serviceId = "chatbot-" + Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:Provider"] = clusteringProvider,
            ["Chatbot:Clustering:ConnectionString"] = clusteringProvider == ClusteringProviders.Redis ? redis.ConnectionString : database,
            ["Chatbot:Clustering:ServiceId"] = serviceId,
            ["Chatbot:Storage:Provider"] = StorageProviders.AdoNet,
            ["Chatbot:Storage:ConnectionString"] = database,
        };
        var conversation = new ConversationSummary
        {
            Id = "c1",
            Title = "hello",
            CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 6, TimeSpan.Zero),
        };

        await using (var cluster = ChatbotTestCluster.Create(settings))
        {
            await cluster.DeployAsync(cancellationToken);
            Assert.Equal(2, cluster.GetActiveSilos().Count());
            await cluster.Client.GetGrain<ITenantGrain>("acme").RegisterConversationAsync(conversation);
            await cluster.StopAllSilosAsync(cancellationToken);
        }

        await using var restarted = ChatbotTestCluster.Create(settings);
        await restarted.DeployAsync(cancellationToken);
        var page = await restarted.Client.GetGrain<ITenantGrain>("acme").ListConversationsAsync(0, 10);

        Assert.Equal(conversation, Assert.Single(page.Items));
        Assert.True(await CountStateRowsAsync(database, serviceId, cancellationToken) > 0);
    }

    private static async Task<long> CountStateRowsAsync(string database, string serviceId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM chatbot_grain_state WHERE service_id = @service", connection);
        command.Parameters.AddWithValue("service", serviceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
