using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Knowledge;

/// <summary>The knowledge API on a real gateway (co-hosted silo, hashing embeddings), with tokens for two tenants.</summary>
public sealed class KnowledgeEndpointsTests : IAsyncLifetime
{
    private const int MaxUploadBytes = 4096;
    private GatewayHost _host = null!;
    private readonly string _a = TestTokens.For("kb-tenant-a");
    private readonly string _b = TestTokens.For("kb-tenant-b");

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(
        new Dictionary<string, string>(TestTokens.RequireTokens) { ["Chatbot:Knowledge:MaxUploadBytes"] = $"{MaxUploadBytes}" },
        cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string NewDataset() => "ds-" + Guid.NewGuid().ToString("N")[..12];

    private static string Text(string topic) => string.Join("\n\n", Enumerable.Range(0, 6).Select(i =>
        $"Part {i} of the {topic} handbook describes the procedure and the checks that follow it."));

    private async Task<HttpResponseMessage> UploadAsync(
        string token, string? dataset, params (string FileName, string ContentType, byte[] Content)[] files) =>
        await UploadAsync(token, dataset, null, files);

    private Task<HttpResponseMessage> UploadAsync(
        string token, string? dataset, string? documentId, params (string FileName, string ContentType, byte[] Content)[] files) =>
        GatewayTestClient.UploadAsync(_host.Client, token, dataset, documentId, files);

    private static (string, string, byte[]) File(string name, string text, string type = "text/plain") => (name, type, Encoding.UTF8.GetBytes(text));

    private Task<JsonElement> WaitUntilSettledAsync(string token, string dataset) =>
        GatewayTestClient.WaitUntilSettledAsync(_host.Client, token, dataset);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, string? json = null) =>
        await _host.Client.SendAsync(Raw(method, path, json, token), Ct);

    [Fact]
    public async Task Upload_TwoFiles_Returns202AndStatusReachesDoneWithChunkCounts()
    {
        var dataset = NewDataset();

        using var response = await UploadAsync(_a, dataset, File("guide.md", "# Guide\n\n" + Text("guide"), "text/markdown"), File("notes.txt", Text("notes")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var status = await WaitUntilSettledAsync(_a, dataset);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(dataset, body.GetProperty("dataset_id").GetString());
        Assert.Equal(["guide.md", "notes.txt"], body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("document_id").GetString()));
        Assert.All(body.GetProperty("documents").EnumerateArray(), d => Assert.Equal("pending", d.GetProperty("state").GetString()));
        Assert.Equal(2, status.GetProperty("done").GetInt32());
        Assert.True(status.GetProperty("chunk_count").GetInt32() >= 2);
        Assert.All(status.GetProperty("documents").EnumerateArray(), d => Assert.True(d.GetProperty("chunk_count").GetInt32() > 0));
    }

    [Fact]
    public async Task Upload_WithoutDatasetId_GoesToDefault()
    {
        using var response = await UploadAsync(_b, null, "handbook", File("x.txt", Text("default")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("default", body.GetProperty("dataset_id").GetString());
        Assert.Equal("handbook", body.GetProperty("documents")[0].GetProperty("document_id").GetString());
    }

    [Fact]
    public async Task Upload_OneUnsupportedFile_Returns415NamingTheTypeAndStoresNothing()
    {
        var dataset = NewDataset();

        using var response = await UploadAsync(_a, dataset, File("ok.txt", Text("ok")), File("sheet.xlsx", "PK", "application/vnd.ms-excel"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var status = await SendAsync(HttpMethod.Get, $"api/v1/knowledge/status/{dataset}", _a);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(".xlsx", problem.GetProperty("document_type").GetString());
        Assert.Contains(".xlsx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(status, 404, "dataset_id");
    }

    [Fact]
    public async Task Upload_FileOverTheLimit_Returns413NamingTheFileAndStoresNothing()
    {
        var dataset = NewDataset();

        using var response = await UploadAsync(_a, dataset, File("small.txt", "fine"), File("big.txt", new string('x', MaxUploadBytes + 1)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var status = await SendAsync(HttpMethod.Get, $"api/v1/knowledge/status/{dataset}", _a);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("big.txt", problem.GetProperty("file_name").GetString());
        Assert.Contains("big.txt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(status, 404);
    }

    [Fact]
    public async Task Upload_BadFields_Return400NamingThem()
    {
        using var twoFilesOneId = await UploadAsync(_a, NewDataset(), "one-id", File("a.txt", "a"), File("b.txt", "b"));
        using var badDataset = await UploadAsync(_a, "bad/dataset", File("a.txt", "a"));
        using var noFiles = await UploadAsync(_a, NewDataset());
        using var notMultipart = await SendAsync(HttpMethod.Post, "api/v1/knowledge/upload", _a, "{}");

        await AssertProblemAsync(twoFilesOneId, 400, "document_id");
        await AssertProblemAsync(badDataset, 400, "dataset_id");
        await AssertProblemAsync(noFiles, 400, "files");
        await AssertProblemAsync(notMultipart, 415, "Content-Type");
    }

    [Fact]
    public async Task Index_ValidSettings_Returns202WithTheSettings()
    {
        var dataset = NewDataset();

        using var response = await SendAsync(HttpMethod.Post, "api/v1/knowledge/index", _a,
            $$$"""{"dataset_id":"{{{dataset}}}","index_type":"vector","options":{"chunk_size":128,"overlap":16,"extract_entities":true}}""");
        var status = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(128, status.GetProperty("settings").GetProperty("chunk_size").GetInt32());
        Assert.Equal("vector", status.GetProperty("settings").GetProperty("index_type").GetString());
        Assert.True(status.GetProperty("settings").GetProperty("extract_entities").GetBoolean());
    }

    [Fact]
    public async Task Index_BadValues_Return400NamingTheField()
    {
        using var chunkSize = await SendAsync(HttpMethod.Post, "api/v1/knowledge/index", _a, """{"dataset_id":"d1","options":{"chunk_size":1}}""");
        using var overlap = await SendAsync(HttpMethod.Post, "api/v1/knowledge/index", _a, """{"dataset_id":"d1","options":{"chunk_size":64,"overlap":40}}""");
        using var indexType = await SendAsync(HttpMethod.Post, "api/v1/knowledge/index", _a, """{"dataset_id":"d1","index_type":"tree"}""");
        using var malformed = await SendAsync(HttpMethod.Post, "api/v1/knowledge/index", _a, """{"dataset_id":"d1","options":{"chunk_size":"big"}}""");

        await AssertProblemAsync(chunkSize, 400, "options.chunk_size");
        await AssertProblemAsync(overlap, 400, "options.overlap");
        await AssertProblemAsync(indexType, 400, "index_type");
        await AssertProblemAsync(malformed, 400, "options.chunk_size");
    }

    [Fact]
    public async Task ListDeleteAndNotFound_Lifecycle()
    {
        var dataset = NewDataset();
        using (var upload = await UploadAsync(_a, dataset, File("one.txt", Text("one")), File("two.txt", Text("two"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        await WaitUntilSettledAsync(_a, dataset);

        var datasets = await GetJsonAsync(_host.Client, "api/v1/knowledge/datasets", _a);
        var summary = datasets.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("dataset_id").GetString() == dataset);
        var documents = await GetJsonAsync(_host.Client, $"api/v1/knowledge/datasets/{dataset}/documents", _a);
        using var deleteDoc = await SendAsync(HttpMethod.Delete, $"api/v1/knowledge/datasets/{dataset}/documents/one.txt", _a);
        using var deleteDocAgain = await SendAsync(HttpMethod.Delete, $"api/v1/knowledge/datasets/{dataset}/documents/one.txt", _a);
        var afterDelete = await GetJsonAsync(_host.Client, $"api/v1/knowledge/datasets/{dataset}/documents", _a);
        using var deleteDataset = await SendAsync(HttpMethod.Delete, $"api/v1/knowledge/datasets/{dataset}", _a);
        using var deleteDatasetAgain = await SendAsync(HttpMethod.Delete, $"api/v1/knowledge/datasets/{dataset}", _a);
        using var status = await SendAsync(HttpMethod.Get, $"api/v1/knowledge/status/{dataset}", _a);
        using var documentsGone = await SendAsync(HttpMethod.Get, $"api/v1/knowledge/datasets/{dataset}/documents", _a);

        Assert.Equal(2, summary.GetProperty("document_count").GetInt32());
        Assert.True(summary.GetProperty("chunk_count").GetInt32() >= 2);
        Assert.Equal(2, documents.GetProperty("documents").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, deleteDoc.StatusCode);
        await AssertProblemAsync(deleteDocAgain, 404, "document_id");
        Assert.Equal(["two.txt"], afterDelete.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("document_id").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleteDataset.StatusCode);
        await AssertProblemAsync(deleteDatasetAgain, 404, "dataset_id");
        await AssertProblemAsync(status, 404, "dataset_id");
        await AssertProblemAsync(documentsGone, 404, "dataset_id");
    }

    [Fact]
    public async Task TenantB_CannotSeeReadOrDeleteTenantADatasets()
    {
        var dataset = NewDataset();
        using (var upload = await UploadAsync(_a, dataset, File("secret.txt", Text("secret"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        var listB = await GetJsonAsync(_host.Client, "api/v1/knowledge/datasets", _b);
        using var statusB = await SendAsync(HttpMethod.Get, $"api/v1/knowledge/status/{dataset}", _b);
        using var documentsB = await SendAsync(HttpMethod.Get, $"api/v1/knowledge/datasets/{dataset}/documents", _b);
        using var deleteDocB = await SendAsync(HttpMethod.Delete, $"api/v1/knowledge/datasets/{dataset}/documents/secret.txt", _b);
        using var deleteB = await SendAsync(HttpMethod.Delete, $"api/v1/knowledge/datasets/{dataset}", _b);
        var statusA = await GetJsonAsync(_host.Client, $"api/v1/knowledge/status/{dataset}", _a);

        Assert.DoesNotContain(listB.GetProperty("datasets").EnumerateArray(), d => d.GetProperty("dataset_id").GetString() == dataset);
        await AssertProblemAsync(statusB, 404);
        await AssertProblemAsync(documentsB, 404);
        await AssertProblemAsync(deleteDocB, 404);
        await AssertProblemAsync(deleteB, 404);
        Assert.Equal(1, statusA.GetProperty("total").GetInt32());
    }
}
