namespace Chatbot.Knowledge.Embeddings;

/// <summary>Names of the embedding providers accepted in <see cref="EmbeddingOptions.Provider"/>.</summary>
public static class EmbeddingProviderNames
{
    /// <summary>Offline feature-hashing embeddings (<see cref="HashingEmbeddingGenerator"/>). The default.</summary>
    public const string Hashing = "hashing";

    /// <summary>A local BGE-family ONNX model through ONNX Runtime (<see cref="OnnxEmbeddingGenerator"/>).</summary>
    public const string Onnx = "onnx";

    /// <summary>An OpenAI-compatible embeddings endpoint, created by the host (<c>AddChatbotKnowledge</c>).</summary>
    public const string OpenAI = "openai";
}
