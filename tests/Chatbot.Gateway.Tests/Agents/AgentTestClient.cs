using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.Http;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary>Request helpers for the agent, memory and MCP tests.</summary>
internal static class AgentTestClient
{
    public const string RefundPolicy =
        "# Refund policy\n\nCustomers who return a product within 30 days receive a refund of 80% of the order value. Shipping costs are not refunded.";

    public const string RefundTask = "look up our refund policy and compute the refund for a 120 EUR order";

    public static HttpRequestMessage Execute(
        object body, string? requestId = null, string? token = null, string? user = null, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/agent/execute")
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        Headers(request, requestId, token, user, lastEventId);
        return request;
    }

    public static HttpRequestMessage Get(string path, string? token = null, string? user = null, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        Headers(request, null, token, user, lastEventId);
        return request;
    }

    public static HttpRequestMessage Send(HttpMethod method, string path, object? body = null, string? user = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        Headers(request, null, null, user, null);
        return request;
    }

    /// <summary>Runs a request whose answer is an SSE stream and returns every event.</summary>
    public static Task<List<SseEvent>> StreamAsync(HttpClient client, HttpRequestMessage request) => ChatAsync(client, request);

    public static List<string> Types(IEnumerable<SseEvent> events) => [.. events.Select(e => e.Type)];

    public static async Task UploadTextAsync(HttpClient client, string fileName, string text, string? token = null)
    {
        using var upload = await UploadAsync(client, token, null, null, (fileName, "text/markdown", Encoding.UTF8.GetBytes(text)));
        Assert.Equal(202, (int)upload.StatusCode);
        var status = await WaitUntilSettledAsync(client, token, "default");
        Assert.Equal(0, status.GetProperty("failed").GetInt32());
    }

    private static void Headers(HttpRequestMessage request, string? requestId, string? token, string? user, string? lastEventId)
    {
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-ID", requestId);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (user is not null)
        {
            request.Headers.Add("X-User-ID", user);
        }

        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
    }
}
