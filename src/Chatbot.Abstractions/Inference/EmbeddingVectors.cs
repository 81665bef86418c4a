namespace Chatbot.Inference;

/// <summary>The vectors of one <see cref="IEmbeddingInferenceGrain.EmbedAsync"/> call, one per text, in text order.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.EmbeddingVectors")]
public sealed record EmbeddingVectors
{
    /// <summary>One vector per text; never modified after the grain returns them.</summary>
    [Id(0)] public required IReadOnlyList<float[]> Vectors { get; init; }
}
