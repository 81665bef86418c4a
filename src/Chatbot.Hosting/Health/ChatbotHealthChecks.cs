using Chatbot.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Chatbot.Hosting.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (it reaches the cluster and its storage).</summary>
public static class ChatbotHealthChecks
{
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
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}

/// <summary>Healthy when a grain call reaches a silo of the cluster.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
