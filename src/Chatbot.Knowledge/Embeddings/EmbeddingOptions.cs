namespace Chatbot.Knowledge.Embeddings;

/// <summary>Which embedding provider a dataset uses, and its settings. Immutable.</summary>
public sealed record EmbeddingOptions
{
    /// <summary>Configuration section name, below <see cref="KnowledgeOptions.SectionName"/>.</summary>
    public const string SectionName = KnowledgeOptions.SectionName + ":Embeddings";

    /// <summary>One of <see cref="EmbeddingProviderNames"/>. Default <see cref="EmbeddingProviderNames.Hashing"/>.</summary>
    public string Provider { get; init; } = EmbeddingProviderNames.Hashing;

    /// <summary>Settings of the hashing provider.</summary>
    public HashingEmbeddingOptions Hashing { get; init; } = new();

    /// <summary>Settings of the onnx provider.</summary>
    public OnnxEmbeddingOptions Onnx { get; init; } = new();

    /// <summary>Settings of the openai provider (created by the host, which owns HTTP clients).</summary>
    public OpenAIEmbeddingOptions OpenAI { get; init; } = new();
}
