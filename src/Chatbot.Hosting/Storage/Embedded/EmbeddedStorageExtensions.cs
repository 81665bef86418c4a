using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Chatbot.Hosting.Storage.Embedded;

/// <summary>Registers <see cref="SqliteGrainStorage"/> and <see cref="SqliteReminderTable"/>.</summary>
public static class EmbeddedStorageExtensions
{
    /// <summary>Adds a grain storage named <paramref name="name"/> backed by the SQLite file <paramref name="databasePath"/>.</summary>
    public static IServiceCollection AddEmbeddedGrainStorage(this IServiceCollection services, string name, string databasePath) =>
        services.AddGrainStorage(name, (sp, providerName) => new SqliteGrainStorage(
            providerName,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            databasePath,
            sp.GetRequiredService<Serializer>(),
            sp.GetRequiredService<ILogger<SqliteGrainStorage>>()));

    /// <summary>Keeps Orleans reminders in the SQLite file <paramref name="databasePath"/>, so they survive a restart.</summary>
    public static ISiloBuilder UseEmbeddedReminderService(this ISiloBuilder silo, string databasePath)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, databasePath));
        return silo;
    }
}
