namespace Chatbot.Inference;

/// <summary>
/// Embeds texts with the model of the silo it runs on, batching concurrent callers so the accelerator sees full batches.
/// Keyed by <see cref="InferenceKey.Embeddings"/> (model and shard, no tenant: the model is shared and sees only texts).
/// Placed on a silo whose metadata says <c>accelerator=gpu</c> when the cluster has one.
/// </summary>
/// <remarks>
/// Reentrant: calls never wait for one another's turn, they wait for their batch. A caller's vectors come back in the
/// order of its texts; callers are queued in arrival order, and one caller's texts may be split over consecutive batches.
/// </remarks>
public interface IEmbeddingInferenceGrain : IGrainWithStringKey
{
    /// <summary>Embeds <paramref name="texts"/>; the vectors are in the same order, one per text.</summary>
    /// <param name="texts">Texts to embed; may be empty.</param>
    /// <param name="cancellationToken">Stops waiting for the batch; texts already queued are still embedded.</param>
    /// <exception cref="GpuUnavailableException">No silo has a GPU and <c>Chatbot:Inference:GpuFallback</c> is <c>fail</c>.</exception>
    Task<EmbeddingVectors> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

    /// <summary>Where this activation runs: the silo's address and its accelerator.</summary>
    Task<InferenceLocation> GetLocationAsync();
}
