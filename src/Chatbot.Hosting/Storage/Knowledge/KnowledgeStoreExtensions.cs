using Chatbot.Knowledge.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Hosting.Storage.Knowledge;

/// <summary>Registers the <see cref="IKnowledgeStore"/> that matches the grain storage choice.</summary>
public static class KnowledgeStoreExtensions
{
    /// <summary>PostgreSQL for <c>adonet</c> storage; otherwise a SQLite file <c>knowledge.db</c> in the data directory.</summary>
    public static IServiceCollection AddChatbotKnowledgeStore(this IServiceCollection services, ChatbotHostingOptions options)
    {
        var dialect = options.Storage.Provider == StorageProviders.AdoNet
            ? KnowledgeStoreDialect.Postgres(options.Storage.ConnectionString!)
            : KnowledgeStoreDialect.Sqlite(Path.Combine(Path.GetFullPath(options.DataDirectory), "knowledge.db"));
        services.AddSingleton<IKnowledgeStore>(new SqlKnowledgeStore(dialect));
        return services;
    }
}
