using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Runtime;

namespace Chatbot.Hosting.Storage;

/// <summary>
/// Applies the PostgreSQL migrations while the silo starts, at <see cref="Stage"/>: before membership
/// (<see cref="ServiceLifecycleStage.RuntimeInitialize"/>) and grain storage read their <c>OrleansQuery</c> rows. A
/// failure stops the silo's start with the database error rather than letting the providers fail later.
/// </summary>
internal sealed partial class PostgresMigrationStartup(
    PostgresMigrationTargets targets, PostgresMigrator migrator, ILogger<PostgresMigrationStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The silo lifecycle stage the migrations run at.</summary>
    public const int Stage = ServiceLifecycleStage.RuntimeInitialize - 1000;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresMigrationStartup), Stage, ApplyAsync);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        foreach (var connectionString in targets.ConnectionStrings)
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            LogApplying(logger, target.Host ?? "?", target.Port, target.Database ?? "?");
            await migrator.ApplyAsync(connectionString, cancellationToken);
        }
    }

    [LoggerMessage(2103, LogLevel.Information, "Applying PostgreSQL migrations to {Host}:{Port}/{Database} before clustering and storage start")]
    private static partial void LogApplying(ILogger logger, string host, int port, string database);
}

/// <summary>The distinct PostgreSQL databases the configured Orleans providers use.</summary>
/// <param name="ConnectionStrings">Connection strings of the <c>adonet</c> clustering and storage providers, without duplicates.</param>
public sealed record PostgresMigrationTargets(IReadOnlyList<string> ConnectionStrings)
{
    /// <summary>The databases of <paramref name="options"/>' <c>adonet</c> providers (none when neither uses PostgreSQL).</summary>
    public static PostgresMigrationTargets From(ChatbotHostingOptions options)
    {
        var connectionStrings = new List<string>();
        if (options.Clustering.Provider == ClusteringProviders.AdoNet && options.Clustering.ConnectionString is { Length: > 0 } clustering)
        {
            connectionStrings.Add(clustering);
        }

        if (options.Storage.Provider == StorageProviders.AdoNet && options.Storage.ConnectionString is { Length: > 0 } storage
            && !connectionStrings.Contains(storage, StringComparer.Ordinal))
        {
            connectionStrings.Add(storage);
        }

        return new PostgresMigrationTargets(connectionStrings);
    }
}
