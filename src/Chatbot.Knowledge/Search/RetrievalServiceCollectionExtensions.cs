using Chatbot.Knowledge.Embeddings;
using Chatbot.Knowledge.Indexing.Analysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatbot.Knowledge.Search;

/// <summary>Registers the text analyzer and embedding generator shared by indexing and querying.</summary>
public static class RetrievalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the default <see cref="ITextAnalyzer"/> (mixed English/Chinese) and the embedding generator chosen by
    /// <paramref name="embeddings"/> (hashing by default). Both are thread-safe singletons; indexing and querying must
    /// use the same ones, so a test or host may register its own before calling this. Indexing and querying resolve the
    /// generator by <see cref="EmbeddingServiceKeys.Knowledge"/>, which defaults to the unkeyed one.
    /// </summary>
    public static IServiceCollection AddChatbotRetrieval(this IServiceCollection services, EmbeddingOptions? embeddings = null)
    {
        services.TryAddSingleton<ITextAnalyzer>(_ => new MixedScriptAnalyzer());
        services.TryAddSingleton(_ => EmbeddingGenerators.Create(embeddings ?? new EmbeddingOptions()));
        services.TryAddKeyedSingleton(EmbeddingServiceKeys.Knowledge,
            (sp, _) => sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        return services;
    }
}
