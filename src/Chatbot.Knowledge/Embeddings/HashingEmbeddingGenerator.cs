using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Vectors;
using Microsoft.Extensions.AI;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Offline, deterministic embeddings by signed feature hashing: analyzed terms (English words plural-stemmed, stop
/// words dropped; Chinese character bigrams), character trigrams of words and single CJK characters are each hashed
/// into two of <see cref="HashingEmbeddingOptions.Dimensions"/> buckets with hash-derived signs, then L2-normalised. Texts that
/// share words, word forms or characters land close; it captures lexical overlap, not synonyms. The same text gives
/// the same vector in every process and version of this format. Thread-safe.
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbeddingOptions _options;
    private readonly MixedScriptAnalyzer _analyzer;
    private readonly HashingFeatures _features;

    /// <summary>Creates a generator (default options when <see langword="null"/>).</summary>
    public HashingEmbeddingGenerator(HashingEmbeddingOptions? options = null)
    {
        _options = options ?? new HashingEmbeddingOptions();
        _options.Validate();
        _analyzer = new MixedScriptAnalyzer(new TextAnalysisOptions
        {
            Chinese = ChineseSegmentation.Bigram,
            EnglishStemming = true,
            EnglishStopWords = true,
        });
        _features = new HashingFeatures(_analyzer, _options);
        Metadata = new EmbeddingGeneratorMetadata(
            EmbeddingProviderNames.Hashing, providerUri: null, ModelId, _options.Dimensions);
    }

    /// <summary>Model id recorded on every embedding, naming the vector space (<c>hashing-384-v1</c>).</summary>
    public string ModelId => $"hashing-{_options.Dimensions}-v1";

    /// <summary>Provider name, default model id and dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Embeds one text synchronously into a new unit vector (zero for text without features).</summary>
    public float[] Embed(string text, int? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[dimensions ?? _options.Dimensions];
        _features.Embed(text, vector);
        VectorMath.Normalize(vector);
        return vector;
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var dimensions = options?.Dimensions ?? _options.Dimensions;
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8, nameof(options));
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value, dimensions)) { ModelId = ModelId });
        }

        return Task.FromResult(embeddings);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose() => _analyzer.Dispose();
}
