using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatbot.Hosting.Storage;

/// <summary>Registers the start-up PostgreSQL migrations of a silo.</summary>
public static class PostgresMigrationExtensions
{
    /// <summary>
    /// When <paramref name="options"/> use PostgreSQL for clustering or storage and <c>Chatbot:Storage:ApplyMigrations</c>
    /// is true, the silo applies the migrations before those providers start; otherwise registers nothing.
    /// </summary>
    public static IServiceCollection AddChatbotPostgresMigrations(this IServiceCollection services, ChatbotHostingOptions options)
    {
        var targets = PostgresMigrationTargets.From(options);
        if (!options.Storage.ApplyMigrations || targets.ConnectionStrings.Count == 0)
        {
            return services;
        }

        services.AddSingleton(targets);
        services.TryAddSingleton<PostgresMigrator>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresMigrationStartup>();
        return services;
    }
}
