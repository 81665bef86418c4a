using System.Text;
using System.Text.Json;
using Chatbot.Testing.FakeOpenAI;
using Xunit;

namespace Chatbot.AI.Tests.Providers;

/// <summary>The fake endpoint speaks the wire format of recorded OpenAI streams, byte for byte where it matters.</summary>
public sealed class FakeOpenAIServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChatCompletions_StreamWithUsage_SendsRoleContentFinishUsageChunksThenDone()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.Enqueue(FakeReply.Text("你好", " world"));
        using var http = new HttpClient();

        using var response = await http.PostAsync(
            new Uri(server.BaseUrl + "/chat/completions"),
            new StringContent("""{"model":"m1","stream":true,"stream_options":{"include_usage":true},"messages":[]}""", Encoding.UTF8, "application/json"),
            Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\n\ndata: [DONE]\n\n", body, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"你好\"", body, StringComparison.Ordinal);
        var chunks = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).SkipLast(1)
            .Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.Equal(5, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.All(chunks, c => Assert.Equal("m1", c.GetProperty("model").GetString()));
        Assert.Equal("assistant", Delta(chunks[0]).GetProperty("role").GetString());
        Assert.Equal(["你好", " world"], chunks.Skip(1).Take(2).Select(c => Delta(c).GetProperty("content").GetString()));
        Assert.Equal("stop", chunks[3].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(0, chunks[4].GetProperty("choices").GetArrayLength());
        Assert.Equal(2, chunks[4].GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task ChatCompletions_ScriptedError_AnswersStatusWithOpenAIErrorBody()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        server.Enqueue(FakeReply.Status(429, retryAfterSeconds: 3));
        using var http = new HttpClient();

        using var response = await http.PostAsync(
            new Uri(server.BaseUrl + "/chat/completions"), new StringContent("""{"model":"m1","messages":[]}"""), Ct);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Equal("rate_limit_exceeded", error.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Single(server.Requests);
    }

    private static JsonElement Delta(JsonElement chunk) => chunk.GetProperty("choices")[0].GetProperty("delta");
}
