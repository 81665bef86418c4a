using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests;

/// <summary>Bad input gets a 4xx problem naming the field, and nothing is stored for a rejected request.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await GatewayHost.StartAsync(new Dictionary<string, string> { ["Chatbot:Conversations:MaxMessageChars"] = "100" }, cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"conversation_id":"v1","messages":[{"role":"user","content":"hi"}""", "messages[1]" },
        { """not json at all""", "body" },
        { """{"conversation_id":"v1","messages":[{"role":"user","content":42}]}""", "messages[0].content" },
        { """{"conversation_id":"v1"}""", "messages" },
        { """{"conversation_id":"v1","messages":[]}""", "messages" },
        { """{"conversation_id":"v1","messages":[{"role":"assistant","content":"no user here"}]}""", "messages" },
        { """{"conversation_id":"v1","messages":[{"role":"user","content":"   "}]}""", "messages[0].content" },
        { """{"conversation_id":"v1","messages":[{"role":"robot","content":"hi"}]}""", "messages[0].role" },
        { """{"conversation_id":"v1","messages":[{"role":"user","content":"hi"}],"temperature":3}""", "temperature" },
        { """{"conversation_id":"v1","messages":[{"role":"user","content":"hi"}],"top_k":0}""", "top_k" },
        { """{"conversation_id":"a/b","messages":[{"role":"user","content":"hi"}]}""", "conversation_id" },
        { $$"""{"conversation_id":"v1","messages":[{"role":"user","content":"{{new string('x', 101)}}"}]}""", "messages[0].content" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ChatStream_BadBody_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/chat/stream", json), Ct);

        await AssertProblemAsync(response, 400, field);
        using var stored = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations/v1"), Ct);
        Assert.Equal(404, (int)stored.StatusCode);
        var list = await GetJsonAsync(_host.Client, "api/v1/conversations");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ChatStream_NotJsonContentType_Returns415Problem()
    {
        var request = Raw(HttpMethod.Post, "api/v1/chat/stream");
        request.Content = new StringContent("hello", System.Text.Encoding.UTF8, "text/plain");

        using var response = await _host.Client.SendAsync(request, Ct);

        await AssertProblemAsync(response, 415);
    }

    [Fact]
    public async Task ChatStream_BadLastEventId_Returns400NamingTheHeader()
    {
        using var response = await _host.Client.SendAsync(ChatRequest("v2", "hi", lastEventId: "abc"), Ct);

        await AssertProblemAsync(response, 400, "Last-Event-ID");
    }

    [Fact]
    public async Task Conversations_UnknownId_Returns404NamingTheId()
    {
        using var get = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations/never-existed"), Ct);
        using var delete = await _host.Client.SendAsync(Raw(HttpMethod.Delete, "api/v1/conversations/never-existed"), Ct);
        using var stream = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations/never-existed/stream"), Ct);

        await AssertProblemAsync(get, 404, "id");
        await AssertProblemAsync(delete, 404, "id");
        await AssertProblemAsync(stream, 404, "id");
    }

    [Theory]
    [InlineData("api/v1/conversations?limit=0", "limit")]
    [InlineData("api/v1/conversations?limit=1000", "limit")]
    [InlineData("api/v1/conversations?offset=-1", "offset")]
    [InlineData("api/v1/conversations?offset=abc", "offset")]
    [InlineData("api/v1/conversations?limit=ten", "limit")]
    [InlineData("api/v1/conversations?limit=99999999999", "limit")]
    [InlineData("api/v1/knowledge/unanswered?limit=0", "limit")]
    [InlineData("api/v1/knowledge/unanswered?limit=x", "limit")]
    public async Task Conversations_BadPaging_Returns400NamingTheParameter(string path, string field)
    {
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Get, path), Ct);

        await AssertProblemAsync(response, 400, field);
    }

    [Fact]
    public async Task ChatCompletions_NoUserMessage_Returns400NamingMessages()
    {
        using var response = await _host.Client.SendAsync(
            Raw(HttpMethod.Post, "v1/chat/completions", """{"model":"m","messages":[{"role":"system","content":"be brief"}]}"""), Ct);

        await AssertProblemAsync(response, 400, "messages");
    }
}
