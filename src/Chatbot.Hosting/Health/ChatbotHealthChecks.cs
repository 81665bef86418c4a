using Chatbot.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Chatbot.Hosting.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (it has joined the cluster, which answers, and reaches its storage).</summary>
public static class ChatbotHealthChecks
{
    /// <summary>Liveness: the process answers.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>Readiness: joined the cluster and serving.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>Tag of the checks <c>/readyz</c> runs; a host adds its own readiness checks with it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the readiness checks.</summary>
    public static IServiceCollection AddChatbotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps <c>/healthz</c> and <c>/readyz</c>.</summary>
    public static IEndpointRouteBuilder MapChatbotHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}

/// <summary>
/// Healthy when this process has joined the cluster and is serving: in a silo, the silo is an active member (not still
/// joining, nor shutting down or declared dead); everywhere, a grain call reaches a silo. A client that is not
/// connected yet fails the grain call.
/// </summary>
internal sealed class ClusterHealthCheck(
    IGrainFactory grains, ILocalSiloDetails? localSilo = null, IClusterMembershipService? membership = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (localSilo is not null && membership is not null
            && membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress) is var status && status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"this silo is {status}, not an active member of the cluster");
        }

        try
        {
            var silo = await grains.GetGrain<IProbeGrain>(0).PingAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"answered by {silo}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the cluster did not answer", ex);
        }
    }
}

/// <summary>Healthy when the configured grain storage accepts a query.</summary>
internal sealed class StorageHealthCheck(ChatbotHostingOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            switch (options.Storage.Provider)
            {
                case StorageProviders.AdoNet:
                    await using (var connection = new NpgsqlConnection(options.Storage.ConnectionString))
                    {
                        await connection.OpenAsync(cancellationToken);
                        await using var command = new NpgsqlCommand("SELECT 1", connection);
                        await command.ExecuteScalarAsync(cancellationToken);
                    }

                    break;
                case StorageProviders.Embedded:
                    var directory = Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
                    var path = Path.Combine(directory.FullName, "chatbot.db");
                    await Task.Run(() =>
                    {
                        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
                        connection.Open();
                        using var command = connection.CreateCommand();
                        command.CommandText = "SELECT 1";
                        command.ExecuteScalar();
                    }, cancellationToken);
                    break;
            }

            return HealthCheckResult.Healthy(options.Storage.Provider);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{options.Storage.Provider} storage is not reachable", ex);
        }
    }
}
