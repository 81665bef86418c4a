namespace Chatbot.Knowledge.Embeddings;

/// <summary>Settings of the <c>openai</c> embedding provider (<c>Chatbot:Knowledge:Embeddings:OpenAI</c>).</summary>
public sealed record OpenAIEmbeddingOptions
{
    /// <summary>Base URL of an OpenAI-compatible API, e.g. <c>https://api.openai.com/v1</c>. Required for <c>openai</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Bearer key; optional for local servers.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Embedding model, e.g. <c>text-embedding-3-small</c>. Required for <c>openai</c>.</summary>
    public string? Model { get; init; }
}
