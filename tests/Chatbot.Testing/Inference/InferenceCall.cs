using Chatbot.Inference;

namespace Chatbot.Testing.Inference;

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
