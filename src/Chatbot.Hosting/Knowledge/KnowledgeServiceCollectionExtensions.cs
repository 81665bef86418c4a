using Chatbot.Knowledge;
using Chatbot.Knowledge.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting.Knowledge;

/// <summary>Registers the knowledge-base services.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// What a silo needs to index documents: <see cref="KnowledgeOptions"/> (validated at start-up), the parsers, the
    /// chunker and the <see cref="IngestionPipeline"/>. The pipeline needs an
    /// <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>, registered by the embeddings configuration.
    /// </summary>
    public static IServiceCollection AddChatbotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatbotKnowledgeEdge(configuration);
        services.TryAddSingleton(_ => DocumentChunker.CreateDefault());
        services.TryAddSingleton(sp => new IngestionPipeline(
            sp.GetRequiredService<DocumentParsers>(),
            sp.GetRequiredService<DocumentChunker>(),
            sp.GetRequiredService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(),
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
        return services;
    }

    /// <summary>
    /// What the gateway needs to check uploads before they reach a grain (size limit, supported types): the validated
    /// <see cref="KnowledgeOptions"/> and <see cref="DocumentParsers"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddChatbotKnowledgeEdge(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(KnowledgeOptionsValidator)))
        {
            return services;
        }

        services.AddSingleton<KnowledgeOptionsValidator>();
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KnowledgeOptions>>(sp => sp.GetRequiredService<KnowledgeOptionsValidator>());
        services.TryAddSingleton(_ => DocumentParsers.CreateDefault());
        return services;
    }
}
