using Microsoft.Extensions.AI;

namespace Chatbot.Knowledge.Tests.Pipeline;

/// <summary>
/// A deterministic fake: each text becomes a 4-dimensional vector (length, letters, digits, 1) — unnormalised, so
/// the pipeline's normalisation shows — and every batch is recorded.
/// </summary>
internal sealed class CountingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly List<int> _batches = [];

    public IReadOnlyList<int> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    public static float[] VectorOf(string text) =>
        [text.Length, text.Count(char.IsLetter), text.Count(char.IsDigit), 1];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        lock (_batches)
        {
            _batches.Add(texts.Count);
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(VectorOf(t)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
