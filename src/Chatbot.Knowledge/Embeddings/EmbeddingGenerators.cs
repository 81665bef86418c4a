using Microsoft.Extensions.AI;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Creates the embedding generator named by <see cref="EmbeddingOptions.Provider"/>: the one place a new provider
/// (<c>onnx</c>, <c>openai</c>) is plugged in. Stateless.
/// </summary>
public static class EmbeddingGenerators
{
    /// <summary>Creates the configured generator; the caller owns and disposes it.</summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, needs the host (<c>openai</c>), or its settings are invalid.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            EmbeddingProviderNames.Hashing => new HashingEmbeddingGenerator(options.Hashing),
            EmbeddingProviderNames.OpenAI => throw new InvalidOperationException(
                $"{EmbeddingOptions.SectionName}:Provider 'openai' needs an HTTP client: register it with AddChatbotKnowledge (Chatbot.Hosting)."),
            EmbeddingProviderNames.Onnx => new OnnxEmbeddingGenerator(options.Onnx),
            _ => throw new InvalidOperationException(
                $"{EmbeddingOptions.SectionName}:Provider '{options.Provider}' is unknown; expected one of hashing, onnx, openai."),
        };
    }
}
