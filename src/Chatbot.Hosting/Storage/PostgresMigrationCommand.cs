using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chatbot.Hosting.Storage;

/// <summary>
/// <c>Chatbot.Silo migrate [--Chatbot:...=...]</c>: applies the PostgreSQL migrations to the databases the configuration
/// names (<c>Chatbot:Clustering</c> and <c>Chatbot:Storage</c> with provider <c>adonet</c>) and exits; for deployments
/// that run schema changes as a separate step (set <c>Chatbot:Storage:ApplyMigrations=false</c> on the silos then).
/// </summary>
public static partial class PostgresMigrationCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Name = "migrate";

    /// <summary>Runs the command with the usual configuration sources (appsettings, environment, <paramref name="args"/>).</summary>
    /// <returns>0 when the schema is current, 1 when a migration failed, 2 when no PostgreSQL database is configured.</returns>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSingleton<PostgresMigrator>();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostgresMigrationCommand));
        try
        {
            var targets = PostgresMigrationTargets.From(ChatbotHostingOptionsValidator.Read(builder.Configuration));
            if (targets.ConnectionStrings.Count == 0)
            {
                LogNothingConfigured(logger);
                return 2;
            }

            var migrator = host.Services.GetRequiredService<PostgresMigrator>();
            foreach (var connectionString in targets.ConnectionStrings)
            {
                await migrator.ApplyAsync(connectionString, cancellationToken);
            }

            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return 1;
        }
    }

    [LoggerMessage(2104, LogLevel.Error,
        "Nothing to migrate: set Chatbot:Storage:Provider=adonet with Chatbot:Storage:ConnectionString (or Chatbot:Clustering:Provider=adonet with Chatbot:Clustering:ConnectionString)")]
    private static partial void LogNothingConfigured(ILogger logger);

    [LoggerMessage(2105, LogLevel.Error, "PostgreSQL migration failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
