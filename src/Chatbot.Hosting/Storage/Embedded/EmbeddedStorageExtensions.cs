using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Chatbot.Hosting.Storage.Embedded;

/// <summary>Registers <see cref="SqliteGrainStorage"/>.</summary>
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
}
