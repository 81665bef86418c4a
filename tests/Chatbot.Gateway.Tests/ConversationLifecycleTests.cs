using Chatbot.Testing.Gateway;
using Chatbot.Testing.Http;
using Chatbot.Testing.Models;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests;

/// <summary>Listing, deleting, stopping, and durability of conversations across a restart.</summary>
public sealed class ConversationLifecycleTests
{
    [Fact]
    public async Task EmbeddedStorage_RestartedHost_StillServesTheEarlierConversation()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chatbot-durable-").FullName;
        try
        {
            string answer;
            await using (var first = await GatewayHost.StartAsync(dataDirectory: dataDirectory, cancellationToken: Ct))
            {
                answer = Text(await ChatAsync(first.Client, ChatRequest("durable", "hello")));
            }

            await using var second = await GatewayHost.StartAsync(dataDirectory: dataDirectory, cancellationToken: Ct);
            var history = await GetJsonAsync(second.Client, "api/v1/conversations/durable");
            var list = await GetJsonAsync(second.Client, "api/v1/conversations");

            Assert.Equal("hello", history.GetProperty("messages")[0].GetProperty("content").GetString());
            Assert.Equal(answer, history.GetProperty("messages")[1].GetProperty("content").GetString());
            Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == "durable");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Conversations_ListDeleteAndPaging_Work()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        foreach (var id in new[] { "one", "two", "three" })
        {
            await ChatAsync(host.Client, ChatRequest(id, "question for " + id));
        }

        var page = await GetJsonAsync(host.Client, "api/v1/conversations?offset=0&limit=2");
        using var deleted = await host.Client.SendAsync(Raw(HttpMethod.Delete, "api/v1/conversations/two"), Ct);
        var after = await GetJsonAsync(host.Client, "api/v1/conversations");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal("three", page.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(204, (int)deleted.StatusCode);
        Assert.Equal(["three", "one"], after.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Stop_RunningTurn_EndsWithStoppedAndKeepsPartialAnswer()
    {
        var model = new ScriptedChatClient();
        var answer = model.Script("stop this", ScriptedAnswer.Words("partial and then more", pauseAfter: 1));
        await using var host = await GatewayHost.StartAsync(model: model, cancellationToken: Ct);

        using var streaming = await host.Client.SendAsync(ChatRequest("stoppable", "stop this", requestId: "turn-1"), HttpCompletionOption.ResponseHeadersRead, Ct);
        await answer.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        using var stop = await host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/conversations/stoppable/stop", """{"request_id":"turn-1"}"""), Ct);
        var events = new List<SseEvent>();
        await foreach (var e in SseEvent.ReadAsync(await streaming.Content.ReadAsStreamAsync(Ct), Ct))
        {
            events.Add(e);
        }

        var stored = (await GetJsonAsync(host.Client, "api/v1/conversations/stoppable")).GetProperty("messages")[1];
        using var stopAgain = await host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/conversations/stoppable/stop", """{"request_id":"turn-1"}"""), Ct);

        Assert.Equal(202, (int)stop.StatusCode);
        Assert.Equal("stopped", events[^1].Json.GetProperty("code").GetString());
        Assert.Equal("partial ", stored.GetProperty("content").GetString());
        Assert.Equal("incomplete", stored.GetProperty("status").GetString());
        await AssertProblemAsync(stopAgain, 404, "request_id");
    }

    [Fact]
    public async Task Usage_AfterTurns_IsKeptPerTenant()
    {
        await using var host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);
        var a = TestTokens.For("usage-a");
        var done = (await ChatAsync(host.Client, ChatRequest("u1", "count me", token: a)))[^1].Json.GetProperty("usage");

        var usageA = await GetJsonAsync(host.Client, "api/v1/usage", a);
        var usageB = await GetJsonAsync(host.Client, "api/v1/usage", TestTokens.For("usage-b"));

        Assert.Equal(done.GetProperty("total_tokens").GetInt64(), usageA.GetProperty("total_tokens").GetInt64());
        Assert.Equal(0, usageB.GetProperty("total_tokens").GetInt64());
    }

    [Fact]
    public async Task AnonymousMode_RequestWithUnverifiableApiKey_IsServedAsDefaultTenant()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);

        var events = await ChatAsync(host.Client, ChatRequest("anon", "hello", token: "sk-dummy-key"));
        var list = await GetJsonAsync(host.Client, "api/v1/conversations");

        Assert.Equal("done", events[^1].Type);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == "anon");
    }
}
