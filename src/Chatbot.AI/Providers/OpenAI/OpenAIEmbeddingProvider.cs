using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Chatbot.AI.Providers.OpenAI;

/// <summary>Creates an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for an OpenAI-compatible embeddings endpoint
/// over an <see cref="HttpClient"/> whose handler pipeline carries timeouts and retries.</summary>
public static class OpenAIEmbeddingProvider
{
    /// <summary>The generator for <paramref name="model"/> at <paramref name="baseUrl"/> (e.g. <c>https://api.openai.com/v1</c>).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(string baseUrl, string? apiKey, string model, HttpClient httpClient)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(baseUrl),
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "unused" : apiKey), clientOptions);
        return client.GetEmbeddingClient(model).AsIEmbeddingGenerator();
    }
}
