using Chatbot.AI.Chat;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Embeddings;
using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Building;
using Chatbot.Knowledge.Graph.Communities;
using Chatbot.Knowledge.Graph.Extraction;
using Chatbot.Knowledge.Graph.Extraction.Model;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Knowledge.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.Tokenizers;

namespace Chatbot.Hosting.Knowledge;

/// <summary>Registers the knowledge-base services.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// What a silo needs to index documents: <see cref="KnowledgeOptions"/> (validated at start-up), the parsers, the
    /// chunker, the <see cref="IngestionPipeline"/>, the retrieval services indexing and search share (text analyzer,
    /// embedding generator from <c>Chatbot:Knowledge:Embeddings</c>; a host or test may register its own first), and
    /// the graph services (<see cref="GraphOptions"/> from <c>Chatbot:Knowledge:Graph</c>, the extractor it names, the
    /// community summary writer, the <see cref="DocumentGraphBuilder"/> and the model cost estimator).
    /// </summary>
    public static IServiceCollection AddChatbotKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatbotKnowledgeEdge(configuration);
        var embeddings = configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>();
        if (embeddings?.Provider == EmbeddingProviderNames.OpenAI)
        {
            AddOpenAIEmbeddings(services, embeddings.OpenAI);
        }
        else if (embeddings?.Provider == EmbeddingProviderNames.Onnx)
        {
            AddOnnxEmbeddings(services, embeddings.Onnx);
        }

        services.AddChatbotRetrieval(embeddings);
        services.TryAddSingleton<Tokenizer>(_ => IngestionTokenizer.CreateDefault());
        services.TryAddSingleton(sp => new DocumentChunker(sp.GetRequiredService<Tokenizer>()));
        services.TryAddSingleton(sp => new IngestionPipeline(
            sp.GetRequiredService<DocumentParsers>(),
            sp.GetRequiredService<DocumentChunker>(),
            sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingServiceKeys.Knowledge),
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
        AddGraph(services, configuration);
        return services;
    }

    // The model extractor and the model summary writer go through the registered IChatClient (the platform's model
    // pipeline: logging, telemetry, retries), so their calls show up with the rest of the model traffic. Summaries follow
    // the provider rather than the extractor: a pattern-built graph still reads better summarised by a model.
    private static void AddGraph(IServiceCollection services, IConfiguration configuration)
    {
        var modelProvider = configuration[$"{ChatModelOptions.SectionName}:{nameof(ChatModelOptions.Provider)}"];
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>>(new GraphOptionsValidator(modelProvider));
        services.TryAddSingleton<IGraphExtractor>(sp => sp.GetRequiredService<IOptions<GraphOptions>>().Value is { Extractor: GraphExtractorNames.Model } graph
            ? new ModelGraphExtractor(sp.GetRequiredService<IChatClient>(), graph.Model)
            : new PatternGraphExtractor());
        services.TryAddSingleton<ICommunitySummaryWriter>(sp => sp.GetRequiredService<IOptions<GraphOptions>>().Value is { Summaries.UseModel: true } options
            && modelProvider == ChatProviders.OpenAI
            ? new ModelCommunitySummaryWriter(sp.GetRequiredService<IChatClient>(), options.Summaries, sp.GetRequiredService<ILogger<ModelCommunitySummaryWriter>>())
            : new ExtractiveCommunitySummaryWriter());
        services.TryAddSingleton(sp => new DocumentGraphBuilder(
            sp.GetRequiredService<IGraphExtractor>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value.MaxConcurrentExtractions));
        services.TryAddSingleton(sp => new GraphBuildCostEstimator(
            sp.GetRequiredService<Tokenizer>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value.Model));
    }

    // Registered before AddChatbotRetrieval, whose TryAdd then keeps it. Uses the model's resilient HTTP client.
    private static void AddOpenAIEmbeddings(IServiceCollection services, OpenAIEmbeddingOptions options)
    {
        const string section = "Chatbot:Knowledge:Embeddings:OpenAI";
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{section}:BaseUrl must be an absolute http(s) URL when Chatbot:Knowledge:Embeddings:Provider is 'openai'.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException($"{section}:Model is required when Chatbot:Knowledge:Embeddings:Provider is 'openai'.");
        }

        services.AddHttpClient(EmbeddingsHttpClient).AddStandardResilienceHandler();
        services.TryAddSingleton(sp => Chatbot.AI.Providers.OpenAI.OpenAIEmbeddingProvider.Create(
            options.BaseUrl!, options.ApiKey, options.Model, sp.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingsHttpClient)));
    }

    // Checked here so a wrong path stops start-up, not the first upload; the model itself loads on first use, and the
    // log says where it runs (auto may have fallen back to the CPU).
    private static void AddOnnxEmbeddings(IServiceCollection services, OnnxEmbeddingOptions options)
    {
        options.Validate();
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var generator = new OnnxEmbeddingGenerator(options);
            KnowledgeLog.OnnxModelLoaded(
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<OnnxEmbeddingGenerator>(), generator.ModelId, generator.Dimensions,
                generator.ExecutionProvider, generator.CudaUnavailableReason ?? "-");
            return generator;
        });
    }

    private const string EmbeddingsHttpClient = "chatbot-openai-embeddings";

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
