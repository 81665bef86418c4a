using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Search;

/// <summary>
/// GraphRAG as a user meets it on a real gateway: three documents, each stating one relation, uploaded to a hybrid
/// dataset; a three-hop question is answered by graph search and by chat with the path and its supporting chunks; in
/// English and in Chinese; deleting a document takes its relation out of the graph and leaves the others.
/// </summary>
public sealed class GraphRagTests : IAsyncLifetime
{
    private static readonly Language English = new(
        "en",
        [("lead.txt", "Alice Smith leads Project Falcon."), ("member.txt", "Alice Smith is a member of the Orion Group."),
            ("fund.txt", "The Orion Group is funded by the Helios Foundation.")],
        "Who funds the group of the person leading Project Falcon?",
        "Project Falcon → Alice Smith → Orion Group → Helios Foundation",
        "Project Falcon → Alice Smith → Orion Group",
        "Helios Foundation");

    private static readonly Language Chinese = new(
        "zh",
        [("lead.txt", "张伟领导猎鹰项目。"), ("member.txt", "张伟是猎户座集团的成员。"), ("fund.txt", "猎户座集团由太阳神基金会资助。")],
        "资助领导猎鹰项目的人所在集团的是谁？",
        "猎鹰项目 → 张伟 → 猎户座集团 → 太阳神基金会",
        "猎鹰项目 → 张伟 → 猎户座集团",
        "太阳神基金会");

    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static TheoryData<string> Languages => new() { "en", "zh" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task SearchGraph_ThreeHopQuestion_ReturnsThePathWithItsSupportingChunks(string language)
    {
        var lang = Of(language);
        var dataset = await IndexAsync(lang);

        var body = await SearchAsync(dataset, lang.Question);

        var results = body.GetProperty("results").EnumerateArray().ToList();
        var onPath = results.Where(r => PathOf(r) == Chain(lang.Path)).ToList();
        Assert.Equal(["fund.txt:0", "lead.txt:0", "member.txt:0"], onPath.Select(r => r.GetProperty("chunk_id").GetString()).Order());
        Assert.All(onPath, r => Assert.Equal(r.GetProperty("chunk_id").GetString(), r.GetProperty("document_id").GetString() + ":0"));
        var context = onPath[0].GetProperty("graph_context");
        Assert.Equal(lang.Path.Split(" → "), context.GetProperty("entities").EnumerateArray().Select(e => e.GetString()));
        // Labels in the question's language, as the specification shows them; the details keep the wire names.
        Assert.Equal(language == "zh" ? ["领导", "成员", "资助"] : ["leads", "member_of", "funded_by"],
            context.GetProperty("relations").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["leads", "member_of", "funded_by"], context.GetProperty("relation_details").EnumerateArray().Select(r => r.GetProperty("relation").GetString()));
        Assert.Equal(lang.Path.Split(" → "), context.GetProperty("entity_details").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(["lead.txt:0", "member.txt:0", "fund.txt:0"],
            context.GetProperty("relation_details").EnumerateArray().Select(r => Assert.Single(r.GetProperty("chunk_ids").EnumerateArray()).GetString()));
        Assert.Equal("organization", context.GetProperty("entity_details")[3].GetProperty("type").GetString());
        Assert.True(body.GetProperty("metadata").GetProperty("total_nodes_explored").GetInt32() >= 4);
        Assert.True(body.GetProperty("metadata").GetProperty("execution_time_ms").GetDouble() >= 0);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Chat_UseGraphRag_AnswersWithTheFunderAndRefsCarryThePath(string language)
    {
        var lang = Of(language);
        var dataset = await IndexAsync(lang);

        var (answer, refs) = await AskAsync(dataset, lang.Question, useGraphRag: true);

        Assert.StartsWith(lang.Answer, answer, StringComparison.Ordinal);
        var onPath = refs.Where(r => r.TryGetProperty("path", out var p) && p.GetString() == lang.Path).ToList();
        Assert.Equal(["fund.txt", "lead.txt", "member.txt"], onPath.Select(r => r.GetProperty("document_id").GetString()).Order());
        Assert.All(onPath, r => Assert.Equal(lang.Path.Split(" → "), r.GetProperty("path_entities").EnumerateArray().Select(e => e.GetString())));
        Assert.All(onPath, r => Assert.Contains($"[{r.GetProperty("index").GetInt32()}]", answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_WithoutGraphRag_DoesNotReachTheFunder()
    {
        var dataset = await IndexAsync(English);

        var (answer, refs) = await AskAsync(dataset, English.Question, useGraphRag: false);

        Assert.DoesNotContain("Helios Foundation:", answer, StringComparison.Ordinal);
        Assert.All(refs, r => Assert.False(r.TryGetProperty("path", out _)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task DeleteDocument_ItsRelationLeavesTheGraphAndTheOthersRemain(string language)
    {
        var lang = Of(language);
        var dataset = await IndexAsync(lang);

        using var delete = await _host.Client.SendAsync(Raw(HttpMethod.Delete, $"api/v1/knowledge/datasets/{dataset}/documents/fund.txt"), Ct);
        var body = await SearchAsync(dataset, lang.Question);
        var (answer, _) = await AskAsync(dataset, lang.Question, useGraphRag: true);

        Assert.Equal(204, (int)delete.StatusCode);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.DoesNotContain(results, r => PathOf(r)?.Contains(lang.Answer, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(body.GetProperty("paths").EnumerateArray(), p => p.GetProperty("text").GetString()!.Contains(lang.Answer, StringComparison.Ordinal));
        Assert.DoesNotContain(results, r => r.GetProperty("document_id").GetString() == "fund.txt");
        Assert.Contains(results, r => PathOf(r) == Chain(lang.RemainingPath));
        Assert.DoesNotContain(lang.Answer, answer, StringComparison.Ordinal);
    }

    private static Language Of(string language) => language == "zh" ? Chinese : English;

    // graph_context.path of a search result, as the specification writes it: ["A->B->C"].
    private static string? PathOf(JsonElement result) =>
        result.GetProperty("graph_context") is { ValueKind: JsonValueKind.Object } context
            ? context.GetProperty("path").EnumerateArray().Select(p => p.GetString()).SingleOrDefault()
            : null;

    // The search API's form of a path chat refs write with arrows.
    private static string Chain(string path) => string.Join("->", path.Split(" → "));

    private async Task<string> IndexAsync(Language lang)
    {
        var dataset = $"graph-{lang.Code}-{Guid.NewGuid():N}"[..24];
        using var configure = await _host.Client.SendAsync(
            Raw(HttpMethod.Post, "api/v1/knowledge/index", $$"""{"dataset_id":"{{dataset}}","index_type":"hybrid"}"""), Ct);
        Assert.Equal(202, (int)configure.StatusCode);
        using var upload = await UploadAsync(_host.Client, null, dataset, null,
            lang.Documents.Select(d => (d.File, "text/plain", Encoding.UTF8.GetBytes(d.Text))).ToArray());
        Assert.Equal(202, (int)upload.StatusCode);
        var status = await WaitUntilSettledAsync(_host.Client, null, dataset);
        Assert.Equal(3, status.GetProperty("done").GetInt32());
        Assert.All(status.GetProperty("documents").EnumerateArray(), d => Assert.Equal(1, d.GetProperty("relation_count").GetInt32()));
        return dataset;
    }

    private async Task<JsonElement> SearchAsync(string dataset, string question)
    {
        var json = JsonSerializer.Serialize(new
        {
            query = question,
            search_type = "hybrid",
            graph_options = new { max_hops = 3 },
            top_k = 5,
            dataset_ids = new[] { dataset },
        });
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Post, "api/v1/search/graph", json), Ct);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<(string Answer, List<JsonElement> Refs)> AskAsync(string dataset, string question, bool useGraphRag)
    {
        var request = Raw(HttpMethod.Post, "api/v1/chat/stream", JsonSerializer.Serialize(new
        {
            conversation_id = "g-" + Guid.NewGuid().ToString("N"),
            dataset_ids = new[] { dataset },
            use_graph_rag = useGraphRag,
            messages = new[] { new { role = "user", content = question } },
        }));
        var events = await ChatAsync(_host.Client, request);
        Assert.Equal("done", events[^1].Type);
        return (Text(events), events.Single(e => e.Type == "refs").Json.GetProperty("references").EnumerateArray().ToList());
    }

    private sealed record Language(
        string Code, (string File, string Text)[] Documents, string Question, string Path, string RemainingPath, string Answer);
}
