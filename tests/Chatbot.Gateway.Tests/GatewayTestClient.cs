using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.Http;
using Xunit;

namespace Chatbot.Gateway.Tests;

/// <summary>Request helpers shared by the gateway tests.</summary>
internal static class GatewayTestClient
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpRequestMessage ChatRequest(
        string conversationId, string question, string? requestId = null, string? token = null, string? lastEventId = null, bool? stream = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["conversation_id"] = conversationId,
            ["messages"] = new[] { new { role = "user", content = question } },
        };
        if (stream is not null)
        {
            body["stream"] = stream;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/chat/stream") { Content = JsonContent.Create(body) };
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-ID", requestId);
        }

        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        Authorize(request, token);
        return request;
    }

    public static HttpRequestMessage Raw(HttpMethod method, string path, string? json = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        Authorize(request, token);
        return request;
    }

    public static async Task<List<SseEvent>> ChatAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseEvent>();
        await foreach (var e in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct))
        {
            events.Add(e);
        }

        return events;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, string? token = null)
    {
        using var response = await client.SendAsync(Raw(HttpMethod.Get, path, token: token), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Asserts an RFC 7807 body whose <c>errors</c> names <paramref name="field"/>.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, int status, string? field = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        }
    }

    public static string Text(IEnumerable<SseEvent> events) =>
        string.Concat(events.Where(e => e.Type == "delta").Select(e => e.Json.GetProperty("content").GetString()));

    /// <summary>Uploads files as multipart form data to <c>/api/v1/knowledge/upload</c>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, string? token, string? dataset, string? documentId, params (string FileName, string ContentType, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        if (dataset is not null)
        {
            form.Add(new StringContent(dataset), "dataset_id");
        }

        if (documentId is not null)
        {
            form.Add(new StringContent(documentId), "document_id");
        }

        foreach (var (fileName, contentType, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "files", fileName);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/knowledge/upload") { Content = form };
        Authorize(request, token);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>
    /// Indexing is asynchronous: watch the status endpoint as a client would (bounded: 100 ms apart, 60 s at most)
    /// until no document is pending or indexing.
    /// </summary>
    public static Task<JsonElement> WaitUntilSettledAsync(HttpClient client, string? token, string dataset) =>
        WaitForStatusAsync(client, token, dataset, status => status.GetProperty("in_progress").GetInt32() == 0);

    /// <summary>Watches the status endpoint as <see cref="WaitUntilSettledAsync"/> does until <paramref name="condition"/> holds.</summary>
    public static Task<JsonElement> WaitForStatusAsync(HttpClient client, string? token, string dataset, Func<JsonElement, bool> condition) =>
        WaitForJsonAsync(client, $"api/v1/knowledge/status/{dataset}", token, condition);

    /// <summary>
    /// GETs <paramref name="path"/> until its JSON satisfies <paramref name="condition"/> (100 ms apart, 60 s at most): for
    /// what the platform records asynchronously, as a client would wait for it.
    /// </summary>
    public static async Task<JsonElement> WaitForJsonAsync(HttpClient client, string path, string? token, Func<JsonElement, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var json = await GetJsonAsync(client, path, token);
            if (condition(json))
            {
                return json;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
