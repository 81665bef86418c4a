using System.Net;
using System.Text.Json;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Gateway;
using Chatbot.Gateway.Tests.Agents;
using Xunit;
using static Chatbot.Gateway.Tests.Agents.AgentTestClient;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Memory;

/// <summary>Long-term memory as a user meets it: facts stated in chat are remembered, listed, recalled and forgotten.</summary>
public sealed class MemoryEndpointsTests
{
    private static async Task<JsonElement> ListAsync(HttpClient client, string user)
    {
        using var response = await client.SendAsync(Get("api/v1/memory", user: user), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static HttpRequestMessage Chat(string conversation, string question, string user)
    {
        var request = ChatRequest(conversation, question);
        request.Headers.Add("X-User-ID", user);
        return request;
    }

    [Fact]
    public async Task Memory_FactStatedInChat_ListedForThatUserOnlyAndDeletable()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        await ChatAsync(host.Client, Chat("m1", "Hello! My name is Ana and I work in the Lisbon office.", "ana"));

        var ana = await ListAsync(host.Client, "ana");
        var bob = await ListAsync(host.Client, "bob");

        var fact = ana.GetProperty("items")[0];
        Assert.Equal(1, ana.GetProperty("total").GetInt32());
        Assert.Equal("My name is Ana and I work in the Lisbon office", fact.GetProperty("text").GetString());
        Assert.Equal("stated", fact.GetProperty("kind").GetString());
        Assert.Equal(0, bob.GetProperty("total").GetInt32());

        var id = fact.GetProperty("id").GetString();
        using var byBob = await host.Client.SendAsync(Send(HttpMethod.Delete, $"api/v1/memory/{id}", user: "bob"), Ct);
        using var deleted = await host.Client.SendAsync(Send(HttpMethod.Delete, $"api/v1/memory/{id}", user: "ana"), Ct);
        using var again = await host.Client.SendAsync(Send(HttpMethod.Delete, $"api/v1/memory/{id}", user: "ana"), Ct);

        await AssertProblemAsync(byBob, 404, "id");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(again, 404, "id");
        Assert.Equal(0, (await ListAsync(host.Client, "ana")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Memory_ConfirmedFact_RecalledIntoALaterTurnsPrompt()
    {
        await using var model = await FakeOpenAIServer.StartAsync(Ct);
        await using var host = await GatewayHost.StartAsync(OpenAIAgentSettings.For(model), cancellationToken: Ct);
        using var added = await host.Client.SendAsync(Send(HttpMethod.Post, "api/v1/memory", new { text = "Our fiscal year starts in April." }, user: "erin"), Ct);

        await ChatAsync(host.Client, Chat("m2", "When does our fiscal year start?", "erin"));
        await ChatAsync(host.Client, Chat("m3", "When does our fiscal year start?", "frank"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("confirmed", JsonDocument.Parse(await added.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("kind").GetString());
        Assert.Contains(model.Requests[0].Messages, m => m.Role == "system" && m.Content.Contains("- Our fiscal year starts in April.", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Requests[1].Messages, m => m.Content.Contains("fiscal year starts in April", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"text":""}""", "text")]
    [InlineData("""{}""", "text")]
    [InlineData("""{"text":5}""", "text")]
    public async Task Memory_PostInvalid_400NamingTheField(string body, string field)
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);

        using var response = await host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/memory", body), Ct);

        await AssertProblemAsync(response, 400, field);
    }
}
