using Chatbot.Inference;
using Microsoft.Extensions.AI;

namespace Chatbot.AI.Inference;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that embeds through <see cref="IEmbeddingInferenceGrain"/>s
/// (pinned to GPU silos) instead of a local model: what knowledge ingestion and search use when
/// <see cref="InferenceOptions.UseInferenceGrains"/> is on. Calls go round-robin over the model's shards.
/// </summary>
/// <remarks>Thread-safe; holds no resources.</remarks>
public sealed class InferenceGrainEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly IGrainFactory _grains;
    private readonly string _model;
    private readonly int _shards;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private int _next = -1;

    /// <summary>Creates the adapter for <paramref name="model"/> spread over <paramref name="shards"/> grains.</summary>
    public InferenceGrainEmbeddingGenerator(IGrainFactory grains, string model, int shards)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        _ = InferenceKey.Embeddings(model, 0);
        _grains = grains;
        _model = model;
        _shards = shards;
        _metadata = new EmbeddingGeneratorMetadata("chatbot-inference-grain", defaultModelId: model);
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? values.ToList();
        if (texts.Count == 0)
        {
            return [];
        }

        var shard = (int)((uint)Interlocked.Increment(ref _next) % (uint)_shards);
        var grain = _grains.GetGrain<IEmbeddingInferenceGrain>(InferenceKey.Embeddings(_model, shard));
        var result = await grain.EmbedAsync(texts, cancellationToken);
        return new GeneratedEmbeddings<Embedding<float>>(result.Vectors.Select(v => new Embedding<float>(v) { ModelId = _model }));
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
