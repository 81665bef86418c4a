using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Search;

/// <summary>
/// <c>POST /api/v1/search/graph</c> and the graph estimate on a real gateway: bad input gets 400 naming the field;
/// search types, entity-type and date filters, community summaries; the model cost estimate of a dataset.
/// </summary>
public sealed class GraphSearchEndpointTests : IAsyncLifetime
{
    private const string Dataset = "graph-api";

    private static readonly (string File, string Text)[] s_documents =
    [
        ("lead.txt", "Alice Smith leads Project Falcon."),
        ("member.txt", "Alice Smith is a member of the Orion Group."),
        ("fund.txt", "The Orion Group is funded by the Helios Foundation."),
        ("lab.txt", "The Vega Lab is located in Lisbon. Bruno Costa leads the Vega Lab. Bruno Costa is a member of the Vega Lab. " +
            "The Vega Lab collaborates with the Lisbon Institute. The Lisbon Institute is located in Lisbon."),
    ];

    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(cancellationToken: Ct);
        using var configure = await _host.Client.SendAsync(
            Raw(HttpMethod.Post, "api/v1/knowledge/index", $$"""{"dataset_id":"{{Dataset}}","index_type":"graph"}"""), Ct);
        using var upload = await UploadAsync(_host.Client, null, Dataset, null,
            s_documents.Select(d => (d.File, "text/plain", Encoding.UTF8.GetBytes(d.Text))).ToArray());
        Assert.Equal(202, (int)upload.StatusCode);
        await WaitForStatusAsync(_host.Client, null, Dataset,
            s => s.GetProperty("in_progress").GetInt32() == 0 && !s.GetProperty("communities_stale").GetBoolean());
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"search_type":"graph"}""", "query" },
        { """{"query":"  "}""", "query" },
        { """{"query":"q","search_type":"semantic"}""", "search_type" },
        { """{"query":"q","graph_options":{"max_hops":0}}""", "graph_options.max_hops" },
        { """{"query":"q","graph_options":{"max_hops":6}}""", "graph_options.max_hops" },
        { """{"query":"q","graph_options":{"max_hops":"two"}}""", "graph_options.max_hops" },
        { """{"query":"q","top_k":-1}""", "top_k" },
        { """{"query":"q","top_k":0}""", "top_k" },
        { """{"query":"q","top_k":101}""", "top_k" },
        { """{"query":"q","filters":{"date_range":"2024-01-01"}}""", "filters.date_range" },
        { """{"query":"q","filters":{"date_range":"2024-13-01/2024-12-31"}}""", "filters.date_range" },
        { """{"query":"q","filters":{"date_range":"2024/01/01-2024/12/31"}}""", "filters.date_range" },
        { """{"query":"q","filters":{"date_range":"2024-06-01/2024-01-01"}}""", "filters.date_range" },
        { """{"query":"q","filters":{"entity_types":["organization","company"]}}""", "filters.entity_types[1]" },
        { """{"query":"q","dataset_ids":["ok","a/b"]}""", "dataset_ids[1]" },
        { """{"query":"q",""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task SearchGraph_BadField_Returns400NamingIt(string json, string field)
    {
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/search/graph", json), Ct);

        await AssertProblemAsync(response, 400, field);
    }

    [Fact]
    public async Task SearchGraph_SpecificationExample_AnsweredInTheSpecificationsShape()
    {
        // Section 5.2.3's request as written (its comment aside), on the tenant's default dataset, which holds the
        // example's path: 项目管理 contains 敏捷开发, which implements Scrum.
        using var upload = await UploadAsync(_host.Client, null, "default", null,
            ("pm.txt", "text/plain", Encoding.UTF8.GetBytes("项目管理包含敏捷开发。")), ("agile.txt", "text/plain", Encoding.UTF8.GetBytes("敏捷开发实现Scrum。")));
        Assert.Equal(202, (int)upload.StatusCode);
        await WaitForStatusAsync(_host.Client, null, "default",
            s => s.GetProperty("in_progress").GetInt32() == 0 && !s.GetProperty("communities_stale").GetBoolean());
        const string specification = """
            {"query": "项目管理最佳实践", "search_type": "hybrid",
             "graph_options": {"max_hops": 2, "use_community": true, "use_path_reasoning": true},
             "top_k": 10, "filters": {"entity_types": ["概念", "流程"], "date_range": "2024-01-01/2025-01-01"}}
            """;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var asWritten = await PostAsync(specification);
        var uploadedToday = await PostAsync(specification.Replace("2024-01-01/2025-01-01", $"{today.AddDays(-1):yyyy-MM-dd}/{today.AddDays(1):yyyy-MM-dd}", StringComparison.Ordinal));

        Assert.Empty(asWritten.GetProperty("results").EnumerateArray());
        Assert.Contains(uploadedToday.GetProperty("results").EnumerateArray(), r => r.GetProperty("source").GetString() == "community");
        var graph = uploadedToday.GetProperty("results").EnumerateArray().First(r => r.GetProperty("graph_context") is { ValueKind: JsonValueKind.Object } c
            && c.GetProperty("path").EnumerateArray().Any(p => p.GetString() == "项目管理->敏捷开发->Scrum"));
        Assert.Equal(JsonValueKind.String, graph.GetProperty("content").ValueKind);
        Assert.Equal(JsonValueKind.Number, graph.GetProperty("score").ValueKind);
        Assert.Contains(graph.GetProperty("source").GetString(), (string[])["graph_traversal", "bm25", "vector"]);
        var context = graph.GetProperty("graph_context");
        Assert.Equal(["项目管理", "敏捷开发", "Scrum"], context.GetProperty("entities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["包含", "实现"], context.GetProperty("relations").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["contains", "implements"], context.GetProperty("relation_details").EnumerateArray().Select(e => e.GetProperty("relation").GetString()));
        Assert.Equal(["项目管理->敏捷开发->Scrum"], context.GetProperty("path").EnumerateArray().Select(e => e.GetString()));
        foreach (var metadata in new[] { asWritten, uploadedToday }.Select(b => b.GetProperty("metadata")))
        {
            Assert.Equal(JsonValueKind.Number, metadata.GetProperty("total_nodes_explored").ValueKind);
            Assert.Equal(JsonValueKind.Number, metadata.GetProperty("communities_found").ValueKind);
            Assert.True(metadata.GetProperty("execution_time_ms").GetDouble() > 0);
        }

        Assert.True(uploadedToday.GetProperty("metadata").GetProperty("total_nodes_explored").GetInt32() >= 3);
    }

    [Fact]
    public async Task SearchGraph_UnknownDataset_Returns404NamingIt()
    {
        using var response = await _host.Client.SendAsync(
            Raw(HttpMethod.Post, "api/v1/search/graph", $$"""{"query":"q","dataset_ids":["{{Dataset}}","nowhere"]}"""), Ct);

        await AssertProblemAsync(response, 404, "dataset_ids[1]");
    }

    [Theory]
    [InlineData("graph", "graph_traversal")]
    [InlineData("vector", "vector")]
    public async Task SearchGraph_SearchType_ResultsComeFromThatRoute(string searchType, string source)
    {
        var body = await SearchAsync(new { query = "Who funds the Orion Group?", search_type = searchType, dataset_ids = new[] { Dataset } });

        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(source, r.GetProperty("source").GetString()));
        Assert.Equal(searchType == "vector", results.All(r => r.GetProperty("graph_context").ValueKind == JsonValueKind.Null));
    }

    [Theory]
    [InlineData("organization")]
    [InlineData("组织")]
    public async Task SearchGraph_EntityTypeFilter_PathsEndAtThatType(string type)
    {
        var body = await SearchAsync(new
        {
            query = "Who is Alice Smith?", search_type = "graph", graph_options = new { max_hops = 2 },
            filters = new { entity_types = new[] { type } }, dataset_ids = new[] { Dataset },
        });

        var paths = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("graph_context")).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, c => Assert.Equal("organization", c.GetProperty("entity_details").EnumerateArray().Last().GetProperty("type").GetString()));
    }

    [Fact]
    public async Task SearchGraph_EntityTypeFilterOfAnotherType_NoGraphResults()
    {
        var body = await SearchAsync(new
        {
            query = "Who funds the Orion Group?", search_type = "graph", filters = new { entity_types = new[] { "概念" } }, dataset_ids = new[] { Dataset },
        });

        Assert.Empty(body.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task SearchGraph_DateRangeWithoutTheUploads_FindsNothing()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var inside = await SearchAsync(new
        {
            query = "Who funds the Orion Group?", dataset_ids = new[] { Dataset },
            filters = new { date_range = $"{today.AddDays(-1):yyyy-MM-dd}/{today.AddDays(1):yyyy-MM-dd}" },
        });
        var before = await SearchAsync(new
        {
            query = "Who funds the Orion Group?", dataset_ids = new[] { Dataset }, filters = new { date_range = "2020-01-01/2020-12-31" },
        });

        Assert.Contains(inside.GetProperty("results").EnumerateArray(), r => r.GetProperty("document_id").GetString() == "fund.txt");
        Assert.Empty(before.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task SearchGraph_UseCommunity_AnswersFromTheCommunitySummary()
    {
        var body = await SearchAsync(new
        {
            query = "What is going on around the Vega Lab in Lisbon?", search_type = "graph",
            graph_options = new { use_community = true }, dataset_ids = new[] { Dataset },
        });

        var community = Assert.Single(body.GetProperty("results").EnumerateArray(), r => r.GetProperty("source").GetString() == "community");
        Assert.Contains("Vega Lab", community.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Vega Lab", community.GetProperty("graph_context").GetProperty("entities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, community.GetProperty("chunk_id").ValueKind);
        Assert.True(body.GetProperty("metadata").GetProperty("communities_found").GetInt32() >= 1);
    }

    [Fact]
    public async Task SearchGraph_WithoutPathReasoning_ResultsHaveNoPath()
    {
        var body = await SearchAsync(new
        {
            query = "Who funds the Orion Group?", search_type = "graph", graph_options = new { use_path_reasoning = false }, dataset_ids = new[] { Dataset },
        });

        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Empty(r.GetProperty("graph_context").GetProperty("path").EnumerateArray()));
        Assert.Empty(body.GetProperty("paths").EnumerateArray());
    }

    [Fact]
    public async Task GraphEstimate_IndexedDataset_OneModelCallPerChunkWithTokens()
    {
        var estimate = await GetJsonAsync(_host.Client, $"api/v1/knowledge/graph/estimate/{Dataset}");

        Assert.Equal(s_documents.Length, estimate.GetProperty("chunks").GetInt32());
        Assert.Equal(s_documents.Length, estimate.GetProperty("model_calls").GetInt32());
        Assert.Equal(3 * s_documents.Length, estimate.GetProperty("max_model_calls").GetInt32());
        Assert.True(estimate.GetProperty("prompt_tokens").GetInt64() > 100 * s_documents.Length);
        Assert.True(estimate.GetProperty("completion_tokens").GetInt64() > 0);
        Assert.Equal("pattern", estimate.GetProperty("extractor").GetString());
    }

    [Fact]
    public async Task GraphEstimate_UnknownOrInvalidDataset_404Or400()
    {
        using var unknown = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/knowledge/graph/estimate/nowhere"), Ct);
        using var invalid = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/knowledge/graph/estimate/bad%20id"), Ct);

        await AssertProblemAsync(unknown, 404, "dataset_id");
        await AssertProblemAsync(invalid, 400, "dataset_id");
    }

    private Task<JsonElement> SearchAsync(object body) => PostAsync(JsonSerializer.Serialize(body));

    private async Task<JsonElement> PostAsync(string json)
    {
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/search/graph", json), Ct);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
