using System.Net;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Http;
using Chatbot.Testing.Models;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests;

/// <summary>The chat stream over a real Kestrel socket: incremental SSE, resume, retries, disconnects, concurrency.</summary>
public sealed class ChatStreamTests : IAsyncLifetime
{
    private readonly ScriptedChatClient _model = new();
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(model: _model, cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Stream_SlowModel_FirstDeltaArrivesBeforeGenerationFinishes()
    {
        var question = "incremental " + NewId();
        var answer = _model.Script(question, ScriptedAnswer.Words("first then the rest", pauseAfter: 1));

        using var response = await _host.Client.SendAsync(ChatRequest(NewId(), question), HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var enumerator = SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct).GetAsyncEnumerator(Ct);

        // The model is paused after its first piece: this read completes only if that piece was streamed on its own.
        Assert.True(await enumerator.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal("delta", enumerator.Current.Type);
        Assert.Equal("first ", enumerator.Current.Json.GetProperty("content").GetString());
        Assert.False(answer.Release.Task.IsCompleted);

        answer.Release.SetResult();
        var rest = new List<SseEvent>();
        while (await enumerator.MoveNextAsync())
        {
            rest.Add(enumerator.Current);
        }

        Assert.Equal("done", rest[^1].Type);
    }

    [Fact]
    public async Task Stream_NormalTurn_SeqStrictlyIncreasesIdsMatchAndDoneIsLastWithUsage()
    {
        var events = await ChatAsync(_host.Client, ChatRequest(NewId(), "tell me something"));

        var seqs = events.Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), seqs);
        Assert.All(events, e => Assert.Equal(e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Id));
        Assert.Equal("refs", events[^2].Type);
        Assert.Equal("done", events[^1].Type);
        var usage = events[^1].Json.GetProperty("usage");
        Assert.True(usage.GetProperty("output_tokens").GetInt64() > 0);
        Assert.Equal(usage.GetProperty("input_tokens").GetInt64() + usage.GetProperty("output_tokens").GetInt64(), usage.GetProperty("total_tokens").GetInt64());
        Assert.Equal("Answer to: tell me something", Text(events));
    }

    [Fact]
    public async Task Stream_ReconnectWithLastEventId_ReceivesTheRestExactlyOnceAndHistoryHoldsOneTurn()
    {
        var conversation = NewId();
        var requestId = NewId();
        var question = "resumable " + NewId();
        var answer = _model.Script(question, ScriptedAnswer.Words("one two three four five six", pauseAfter: 4));

        var head = new List<SseEvent>();
        using (var response = await _host.Client.SendAsync(ChatRequest(conversation, question, requestId), HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            await foreach (var e in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct))
            {
                head.Add(e);
                if (head.Count == 3)
                {
                    break; // the client drops the connection after k = 3 events
                }
            }
        }

        answer.Release.SetResult();
        var tail = await ChatAsync(_host.Client, ChatRequest(conversation, question, requestId, lastEventId: "3"));
        var history = await GetJsonAsync(_host.Client, $"api/v1/conversations/{conversation}");

        Assert.Equal(Enumerable.Range(4, tail.Count).Select(i => (long)i), tail.Select(e => e.Seq));
        Assert.Equal("done", tail[^1].Type);
        Assert.Equal(answer.Text, Text(head.Concat(tail)));
        Assert.Equal(2, history.GetProperty("messages").GetArrayLength());
        Assert.Equal(1, answer.Calls);
    }

    [Fact]
    public async Task Resume_ThroughConversationStreamEndpoint_ReplaysFromLastEventId()
    {
        var conversation = NewId();
        var full = await ChatAsync(_host.Client, ChatRequest(conversation, "replay me"));

        var request = Raw(HttpMethod.Get, $"api/v1/conversations/{conversation}/stream");
        request.Headers.Add("Last-Event-ID", "2");
        var tail = await ChatAsync(_host.Client, request);

        Assert.Equal(full.Skip(2).Select(e => e.Data), tail.Select(e => e.Data));
    }

    [Fact]
    public async Task Stream_RetriedWithSameRequestId_DoesNotCreateASecondTurn()
    {
        var conversation = NewId();
        var requestId = NewId();

        var first = await ChatAsync(_host.Client, ChatRequest(conversation, "only once", requestId));
        var retry = await ChatAsync(_host.Client, ChatRequest(conversation, "only once", requestId));
        var history = await GetJsonAsync(_host.Client, $"api/v1/conversations/{conversation}");

        Assert.Equal(first.Select(e => e.Data), retry.Select(e => e.Data));
        Assert.Equal(2, history.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Stream_ClientDisconnectsMidAnswer_AnswerIsCompletedIntoHistory()
    {
        var conversation = NewId();
        var question = "disconnect " + NewId();
        var answer = _model.Script(question, ScriptedAnswer.Words("this answer outlives its client", pauseAfter: 1));

        using (var response = await _host.Client.SendAsync(ChatRequest(conversation, question), HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            await foreach (var _ in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(Ct), Ct))
            {
                break;
            }
        }

        answer.Release.SetResult();
        // Following the turn to its end through the resume endpoint is the barrier; no sleeping or polling.
        var events = await ChatAsync(_host.Client, Raw(HttpMethod.Get, $"api/v1/conversations/{conversation}/stream"));
        var history = await GetJsonAsync(_host.Client, $"api/v1/conversations/{conversation}");

        Assert.Equal("done", events[^1].Type);
        var stored = history.GetProperty("messages")[1];
        Assert.Equal(answer.Text, stored.GetProperty("content").GetString());
        Assert.Equal("complete", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Stream_TwoConcurrentTurnsOnOneConversation_SecondGets409AndHistoryNeverInterleaves()
    {
        var conversation = NewId();
        var question = "long running " + NewId();
        var answer = _model.Script(question, ScriptedAnswer.Words("the first answer is long", pauseAfter: 2));

        using var first = await _host.Client.SendAsync(ChatRequest(conversation, question), HttpCompletionOption.ResponseHeadersRead, Ct);
        await answer.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        using var second = await _host.Client.SendAsync(ChatRequest(conversation, "interrupting question"), Ct);
        await AssertProblemAsync(second, 409);
        answer.Release.SetResult();
        await foreach (var _ in SseEvent.ReadAsync(await first.Content.ReadAsStreamAsync(Ct), Ct))
        {
        }

        var messages = (await GetJsonAsync(_host.Client, $"api/v1/conversations/{conversation}")).GetProperty("messages");
        Assert.Equal(2, messages.GetArrayLength());
        Assert.Equal(question, messages[0].GetProperty("content").GetString());
        Assert.Equal(answer.Text, messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Stream_StreamFalse_ReturnsOneJsonBody()
    {
        using var response = await _host.Client.SendAsync(ChatRequest(NewId(), "as json please", stream: false), Ct);
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Answer to: as json please", body.GetProperty("content").GetString());
        Assert.True(body.GetProperty("usage").GetProperty("total_tokens").GetInt64() > 0);
    }

    [Fact]
    public async Task Stream_ModelFailsMidStream_ErrorEventEndsTheStreamAndPartialIsStoredIncomplete()
    {
        var conversation = NewId();
        var question = "fails " + NewId();
        _model.Script(question, ScriptedAnswer.Words("half an answer", failAfter: 2));

        var events = await ChatAsync(_host.Client, ChatRequest(conversation, question));
        var stored = (await GetJsonAsync(_host.Client, $"api/v1/conversations/{conversation}")).GetProperty("messages")[1];

        Assert.Equal("error", events[^1].Type);
        Assert.Equal("model_error", events[^1].Json.GetProperty("code").GetString());
        Assert.Equal("incomplete", stored.GetProperty("status").GetString());
        Assert.Equal("half an ", stored.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Responses_AnyRequest_EchoXRequestId()
    {
        var request = Raw(HttpMethod.Get, "api/v1/conversations/unknown-" + NewId());
        request.Headers.Add("X-Request-ID", "echo-me-123");

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal("echo-me-123", response.Headers.GetValues("X-Request-ID").Single());
        await AssertProblemAsync(response, 404, "id");
    }
}
