using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Chatbot.Testing.Inference;

/// <summary>
/// A fake embedding model that records every batch it runs (one per silo in cluster tests, to see which silo did the
/// work) and answers each text with <see cref="VectorFor"/>, so a caller can check it got its own vectors.
/// </summary>
public sealed class RecordingEmbeddingGenerator(Exception? failure = null) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ConcurrentQueue<IReadOnlyList<string>> _batches = new();

    /// <summary>Every batch run so far, in the order they started.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Batches => [.. _batches];

    /// <summary>The vector this model gives <paramref name="text"/>: distinct texts get distinct vectors.</summary>
    public static float[] VectorFor(string text) =>
        [text.Length, text.Length == 0 ? 0 : text[0], text.Length == 0 ? 0 : text[^1], text.Aggregate(0, (h, c) => (h * 31 + c) % 1_000_003)];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        _batches.Enqueue(texts);
        return failure is not null
            ? Task.FromException<GeneratedEmbeddings<Embedding<float>>>(failure)
            : Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(VectorFor(t)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
