using Microsoft.Extensions.AI;

namespace Chatbot.Testing.Knowledge;

/// <summary>
/// A deterministic fake embedding generator shared by every silo of a test cluster (or one test gateway). A batch containing
/// <see cref="HoldMarker"/> waits at a gate until <see cref="Release"/>: the barrier that holds an index job mid-way.
/// </summary>
public sealed class HoldingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string HoldMarker = "HOLD-THIS-JOB";

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held batch reaches the gate.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held batch was cancelled while waiting (its job was stopped).</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (texts.Exists(t => t.Contains(HoldMarker, StringComparison.Ordinal)) && !_gate.Task.IsCompleted)
        {
            Entered.TrySetResult();
            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(
            new float[] { t.Length, t.Count(char.IsLetter), t.Count(char.IsWhiteSpace), 1 })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
