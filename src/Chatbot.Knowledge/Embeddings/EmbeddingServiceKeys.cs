namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Service keys of embedding generators. The unkeyed <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> is
/// the process's own model; <see cref="Knowledge"/> is what knowledge ingestion and search embed with: the same model
/// by default, or the inference grains when <c>Chatbot:Inference:UseInferenceGrains</c> is on.
/// </summary>
public static class EmbeddingServiceKeys
{
    /// <summary>The generator knowledge ingestion and query embedding use.</summary>
    public const string Knowledge = "chatbot.knowledge";
}
