namespace Chatbot.Testing.Inference;

/// <summary>
/// Test-only grain that calls an inference grain from inside a grain on the silo it is called on (a stateless worker
/// runs where its caller is), so tests can place inference grains from every silo of a cluster.
/// </summary>
public interface IInferenceCallerGrain : IGrainWithIntegerKey
{
    /// <summary>Embeds <paramref name="texts"/> with the inference grain <paramref name="inferenceKey"/>.</summary>
    Task<InferenceCall> EmbedThroughAsync(string inferenceKey, IReadOnlyList<string> texts);
}
