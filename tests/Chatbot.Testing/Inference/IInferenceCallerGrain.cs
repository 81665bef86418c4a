using Chatbot.Inference;

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

/// <summary>What <see cref="IInferenceCallerGrain.EmbedThroughAsync"/> saw.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.testing.InferenceCall")]
public sealed record InferenceCall
{
    /// <summary>The silo the calling grain ran on.</summary>
    [Id(0)] public required string CallerSilo { get; init; }

    /// <summary>Where the inference grain runs.</summary>
    [Id(1)] public required InferenceLocation Inference { get; init; }

    /// <summary>The vectors it returned.</summary>
    [Id(2)] public required IReadOnlyList<float[]> Vectors { get; init; }
}
