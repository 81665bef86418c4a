using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Knowledge.Graph.Extraction.Model;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Testing.FakeOpenAI;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Search;

/// <summary>
/// The model extractor as an operator runs it: <c>Chatbot:Knowledge:Graph:Extractor=model</c> with the <c>openai</c>
/// provider pointed at a fake OpenAI-compatible server (real HTTP). The estimate is asked while the dataset is
/// vector-only, then switching it to hybrid builds the graph from the model's JSON: the bill matches what was sent, a
/// reply that is not JSON is retried, and the three-hop path carries the model's relations and confidences.
/// </summary>
public sealed class ModelGraphExtractionTests : IAsyncLifetime
{
    private const string Dataset = "graph-model";

    private static readonly (string File, string Text, string Reply)[] s_documents =
    [
        ("lead.txt", "Alice Smith leads Project Falcon.", Relation("Alice Smith", "person", "leads", "Project Falcon", "process", 0.71)),
        ("member.txt", "Alice Smith is a member of the Orion Group.", Relation("Alice Smith", "person", "member_of", "Orion Group", "organization", 0.72)),
        ("fund.txt", "The Orion Group is funded by the Helios Foundation.", Relation("Orion Group", "organization", "funded_by", "Helios Foundation", "organization", 0.73)),
    ];

    private readonly ConcurrentDictionary<string, int> _calls = new();
    private FakeOpenAIServer _model = null!;
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAIServer.StartAsync(Ct);
        _model.Responder = Reply;
        _host = await GatewayHost.StartAsync(
            new Dictionary<string, string>
            {
                ["Chatbot:Model:Provider"] = "openai",
                ["Chatbot:Model:OpenAI:BaseUrl"] = _model.BaseUrl.ToString(),
                ["Chatbot:Model:OpenAI:Model"] = "extractor-test",
                ["Chatbot:Model:OpenAI:ApiKey"] = "sk-test",
                ["Chatbot:Knowledge:Graph:Extractor"] = "model",

                // This test counts the extraction calls; ModelCommunitySummaryTests covers the summaries' calls.
                ["Chatbot:Knowledge:Graph:Summaries:UseModel"] = "false",
            },
            cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task GraphBuild_ModelExtractor_EstimateMatchesTheCallsAndThePathCarriesTheModelsRelations()
    {
        // 1. Vector only: chunks indexed, no model call; the estimate prices the graph build.
        await ConfigureAsync("vector");
        using var upload = await UploadAsync(_host.Client, null, Dataset, null,
            s_documents.Select(d => (d.File, "text/plain", Encoding.UTF8.GetBytes(d.Text))).ToArray());
        Assert.Equal(202, (int)upload.StatusCode);
        await WaitUntilSettledAsync(_host.Client, null, Dataset);
        Assert.Empty(_model.Requests);
        var estimate = await GetJsonAsync(_host.Client, $"api/v1/knowledge/graph/estimate/{Dataset}");

        // 2. Hybrid: every document is re-indexed with the model extracting its graph.
        await ConfigureAsync("hybrid");
        var status = await WaitForStatusAsync(_host.Client, null, Dataset, s => s.GetProperty("in_progress").GetInt32() == 0
            && s.GetProperty("documents").EnumerateArray().All(d => d.GetProperty("relation_count").GetInt32() == 1));
        var body = await SearchAsync("Who funds the group of the person leading Project Falcon?");

        Assert.Equal(("model", 3, 3, 9), (estimate.GetProperty("extractor").GetString(), estimate.GetProperty("chunks").GetInt32(),
            estimate.GetProperty("model_calls").GetInt32(), estimate.GetProperty("max_model_calls").GetInt32()));
        var requests = _model.Requests;
        Assert.Equal(estimate.GetProperty("model_calls").GetInt32() + 1, requests.Count);
        Assert.All(requests, r => Assert.Contains("\"json_object\"", r.Body, StringComparison.Ordinal));
        var firstAttempts = requests.Where(r => r.Messages.All(m => m.Role != "assistant")).ToList();
        var retry = Assert.Single(requests, r => r.Messages.Any(m => m.Role == "assistant"));
        Assert.Contains("Alice Smith is a member", retry.Messages[1].Content, StringComparison.Ordinal);
        Assert.Equal(estimate.GetProperty("prompt_tokens").GetInt64(), firstAttempts.Sum(PromptTokens));
        Assert.Equal(3, status.GetProperty("done").GetInt32());

        var onPath = body.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("graph_context") is { ValueKind: JsonValueKind.Object } c
                && c.GetProperty("path").EnumerateArray().Any(p => p.GetString() == "Project Falcon->Alice Smith->Orion Group->Helios Foundation"))
            .ToList();
        Assert.NotEmpty(onPath);
        var relations = onPath[0].GetProperty("graph_context").GetProperty("relation_details").EnumerateArray().ToList();
        Assert.Equal(
            [("leads", 0.71, "lead.txt:0"), ("member_of", 0.72, "member.txt:0"), ("funded_by", 0.73, "fund.txt:0")],
            relations.Select(r => (r.GetProperty("relation").GetString(), r.GetProperty("confidence").GetDouble(),
                Assert.Single(r.GetProperty("chunk_ids").EnumerateArray()).GetString())));
    }

    // The fake model reads which chunk it was sent and answers with that chunk's relation; the membership chunk's
    // first attempt gets a reply that is not JSON, as a model sometimes gives.
    private FakeReply? Reply(FakeOpenAIRequest request)
    {
        var user = request.Messages.First(m => m.Role == "user").Content;
        var document = s_documents.Single(d => user.Contains(d.Text, StringComparison.Ordinal));
        var call = _calls.AddOrUpdate(document.File, 1, (_, n) => n + 1);
        return FakeReply.Text(document.File == "member.txt" && call == 1 ? "Sure! Alice is in the Orion Group." : document.Reply);
    }

    private static long PromptTokens(FakeOpenAIRequest request)
    {
        var tokenizer = IngestionTokenizer.CreateDefault();
        return request.Messages.Sum(m => tokenizer.CountTokens(m.Content) + GraphBuildCostEstimator.TokensPerMessage)
            + GraphBuildCostEstimator.ReplyPrimingTokens;
    }

    private static string Relation(string source, string sourceType, string relation, string target, string targetType, double confidence) =>
        JsonSerializer.Serialize(new
        {
            entities = new[] { new { name = source, type = sourceType }, new { name = target, type = targetType } },
            relations = new[] { new { source, relation, target, confidence } },
        });

    private async Task ConfigureAsync(string indexType)
    {
        using var response = await _host.Client.SendAsync(
            Raw(HttpMethod.Post, "api/v1/knowledge/index", $$"""{"dataset_id":"{{Dataset}}","index_type":"{{indexType}}"}"""), Ct);
        Assert.Equal(202, (int)response.StatusCode);
    }

    private async Task<JsonElement> SearchAsync(string question)
    {
        var json = JsonSerializer.Serialize(new
        {
            query = question,
            search_type = "graph",
            graph_options = new { max_hops = 3 },
            top_k = 5,
            dataset_ids = new[] { Dataset },
        });
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/search/graph", json), Ct);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
