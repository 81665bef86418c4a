using System.ClientModel;
using System.ClientModel.Primitives;
using Chatbot.AI.Chat;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Chatbot.AI.Providers.OpenAI;

/// <summary>Creates the <see cref="IChatClient"/> for an OpenAI-compatible endpoint over an <see cref="HttpClient"/> whose
/// handler pipeline carries timeouts and retries.</summary>
internal static class OpenAIChatProvider
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client used for model calls.</summary>
    public const string HttpClientName = "chatbot-openai";

    public static IChatClient Create(OpenAIModelOptions options, HttpClient httpClient)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl!),
            Transport = new HttpClientPipelineTransport(httpClient),
            // Retries and timeouts are the HttpClient pipeline's job (Microsoft.Extensions.Http.Resilience).
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
        return client.GetChatClient(options.Model!).AsIChatClient();
    }
}
