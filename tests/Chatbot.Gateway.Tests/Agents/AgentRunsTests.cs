using System.Net;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.Agents.AgentTestClient;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Agents;

/// <summary>Runs after they start: read, replay, cancel, list (episodic memory), and only by the user who started them.</summary>
public sealed class AgentRunsTests
{
    [Fact]
    public async Task GetAndStream_FinishedRun_WholeRunAndReplayAfterLastEventIdForItsUserOnly()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        var events = await StreamAsync(host.Client, Execute(new { task = "what is 6 * 7?" }, requestId: "run-get", user: "ana"));

        using var forAna = await host.Client.SendAsync(Get("api/v1/agent/runs/run-get", user: "ana"), Ct);
        var replay = await StreamAsync(host.Client, Get("api/v1/agent/runs/run-get/stream", user: "ana", lastEventId: "3"));
        using var forBob = await host.Client.SendAsync(Get("api/v1/agent/runs/run-get", user: "bob"), Ct);
        using var forAnonymous = await host.Client.SendAsync(Get("api/v1/agent/runs/run-get/stream"), Ct);

        Assert.Equal(HttpStatusCode.OK, forAna.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await forAna.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal("what is 6 * 7?", body.GetProperty("task").GetString());
        Assert.Contains("6 * 7 = **42**", body.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Equal(events.Count, body.GetProperty("events").GetArrayLength());
        Assert.Equal(events.Skip(3).Select(e => e.Data), replay.Select(e => e.Data));
        await AssertProblemAsync(forBob, 404, "id");
        await AssertProblemAsync(forAnonymous, 404, "id");
    }

    [Fact]
    public async Task Cancel_RunningRun_EndsWithACancelledErrorAndCannotBeCancelledTwice()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model), cancellationToken: Ct);
        var gate = new FakeGate();
        model.Enqueue(FakeReply.Text("1. Think.").StallingBeforeHeaders(gate));
        var streaming = StreamAsync(host.Client, Execute(new { task = "plan a very long job" }, requestId: "run-cancel"));
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        using var cancel = await host.Client.SendAsync(Send(HttpMethod.Post, "api/v1/agent/runs/run-cancel/cancel"), Ct);
        var events = await streaming;
        using var again = await host.Client.SendAsync(Send(HttpMethod.Post, "api/v1/agent/runs/run-cancel/cancel"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var last = events[^1].Json;
        Assert.Equal("error", last.GetProperty("type").GetString());
        Assert.Equal("cancelled", last.GetProperty("code").GetString());
        Assert.Equal("cancelled", (await GetJsonAsync(host.Client, "api/v1/agent/runs/run-cancel")).GetProperty("status").GetString());
        await AssertProblemAsync(again, 409);
    }

    [Fact]
    public async Task List_UsersRuns_NewestFirstWithOutcomeOtherUsersSeeNone()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        await StreamAsync(host.Client, Execute(new { task = "what is 1 + 1?" }, requestId: "run-a", user: "carla"));
        await StreamAsync(host.Client, Execute(new { task = "what is 2 + 2?" }, requestId: "run-b", user: "carla"));

        var carla = await JsonOfAsync(host.Client, Get("api/v1/agent/runs", user: "carla"));
        var dan = await JsonOfAsync(host.Client, Get("api/v1/agent/runs", user: "dan"));

        Assert.Equal(2, carla.GetProperty("total").GetInt32());
        var items = carla.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["run-b", "run-a"], items.Select(i => i.GetProperty("run_id").GetString()));
        Assert.All(items, i => Assert.Equal("completed", i.GetProperty("status").GetString()));
        Assert.Contains("2 + 2 = **4**", items[0].GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, dan.GetProperty("total").GetInt32());
    }

    private static async Task<System.Text.Json.JsonElement> JsonOfAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }
}
