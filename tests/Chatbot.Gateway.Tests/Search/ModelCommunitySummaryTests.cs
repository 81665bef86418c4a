using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Search;

/// <summary>
/// Community summaries written by the model as an operator gets them: the <c>openai</c> provider pointed at a fake
/// OpenAI-compatible server (real HTTP), the offline pattern extractor building the graph. A broad question with
/// <c>use_community</c> is answered from the summary the model wrote for the community.
/// </summary>
public sealed class ModelCommunitySummaryTests : IAsyncLifetime
{
    private const string Dataset = "graph-summaries";
    private const string Summary = "Bruno Costa runs the Vega Lab, where Ana Silva works with him.";

    // Three entities, each related to the other two: one community of three (the default minimum size).
    private const string Text = "Bruno Costa leads the Vega Lab. Ana Silva is a member of the Vega Lab. Bruno Costa collaborates with Ana Silva.";

    private FakeOpenAIServer _model = null!;
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAIServer.StartAsync(Ct);
        _model.Responder = _ => FakeReply.Text(Summary);
        _host = await GatewayHost.StartAsync(
            new Dictionary<string, string>
            {
                ["Chatbot:Model:Provider"] = "openai",
                ["Chatbot:Model:OpenAI:BaseUrl"] = _model.BaseUrl.ToString(),
                ["Chatbot:Model:OpenAI:Model"] = "summary-test",
                ["Chatbot:Model:OpenAI:ApiKey"] = "sk-test",
            },
            cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task SearchGraph_UseCommunityWithOpenAIProvider_AnswersFromTheModelWrittenSummary()
    {
        using var configure = await _host.Client.SendAsync(
            Raw(HttpMethod.Post, "api/v1/knowledge/index", $$"""{"dataset_id":"{{Dataset}}","index_type":"graph"}"""), Ct);
        Assert.Equal(202, (int)configure.StatusCode);
        using var upload = await UploadAsync(_host.Client, null, Dataset, null, ("lab.txt", "text/plain", Encoding.UTF8.GetBytes(Text)));
        Assert.Equal(202, (int)upload.StatusCode);
        await WaitForStatusAsync(_host.Client, null, Dataset,
            s => s.GetProperty("in_progress").GetInt32() == 0 && !s.GetProperty("communities_stale").GetBoolean());

        var json = JsonSerializer.Serialize(new
        {
            query = "What do Bruno Costa, Ana Silva and the Vega Lab work on?", search_type = "graph",
            graph_options = new { use_community = true }, dataset_ids = new[] { Dataset },
        });
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/search/graph", json), Ct);
        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var community = Assert.Single(body.GetProperty("results").EnumerateArray(), r => r.GetProperty("source").GetString() == "community");
        Assert.Contains(Summary, community.GetProperty("content").GetString(), StringComparison.Ordinal);
        var request = Assert.Single(_model.Requests);
        var prompt = request.Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("Vega Lab", prompt, StringComparison.Ordinal);
        Assert.Contains("Bruno Costa leads the Vega Lab.", prompt, StringComparison.Ordinal);
    }
}
