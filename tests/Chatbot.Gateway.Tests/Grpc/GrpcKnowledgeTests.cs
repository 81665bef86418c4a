using Chatbot.Testing.Gateway;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;
using static Chatbot.Gateway.Tests.Grpc.GrpcTestClient;
using Wire = Chatbot.Gateway.Grpc.V1;

namespace Chatbot.Gateway.Tests.Grpc;

/// <summary>The knowledge service over gRPC: upload, watch the status, search; the HTTP API's checks and tenancy.</summary>
public sealed class GrpcKnowledgeTests : IAsyncLifetime
{
    private readonly string _a = TestTokens.For("grpc-kb-a");
    private readonly string _b = TestTokens.For("grpc-kb-b");
    private GatewayHost _host = null!;
    private GrpcChannel _channel = null!;
    private Wire.KnowledgeService.KnowledgeServiceClient _knowledge = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await GatewayHost.StartAsync(
            new Dictionary<string, string>(TestTokens.RequireTokens) { ["Chatbot:Knowledge:MaxUploadBytes"] = "4096" }, cancellationToken: Ct);
        _channel = Channel(_host);
        _knowledge = new Wire.KnowledgeService.KnowledgeServiceClient(_channel);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    private static string NewDataset() => "ds-" + Guid.NewGuid().ToString("N")[..12];

    private static Wire.UploadRequest File(string dataset, string name, string text) =>
        new() { DatasetId = dataset, FileName = name, Content = ByteString.CopyFromUtf8(text) };

    // Indexing is asynchronous: watch the status as a client would (100 ms apart, 60 s at most) until nothing is in progress.
    private async Task<Wire.DatasetStatus> WaitUntilSettledAsync(string token, string dataset)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await _knowledge.GetStatusAsync(new Wire.GetStatusRequest { DatasetId = dataset }, Token(token), cancellationToken: Ct);
            if (status.InProgress == 0)
            {
                return status;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task Upload_ThenStatusReachesDone_ThenSearchFindsTheDocument()
    {
        var dataset = NewDataset();

        var uploaded = await _knowledge.UploadAsync(
            File(dataset, "drill.md", "# Tools\n\n## Warranty\n\nThe X200 drill has a warranty period of 3 years."), Token(_a), cancellationToken: Ct);
        var status = await WaitUntilSettledAsync(_a, dataset);
        var http = await GetJsonAsync(_host.Client, $"api/v1/knowledge/status/{dataset}", _a);
        var search = await _knowledge.SearchAsync(
            new Wire.SearchRequest { Query = "X200 drill warranty", DatasetIds = { dataset }, TopK = 3 }, Token(_a), cancellationToken: Ct);

        Assert.Equal(dataset, uploaded.DatasetId);
        Assert.Equal("drill.md", uploaded.Document.DocumentId);
        Assert.Equal("pending", uploaded.Document.State);
        Assert.Equal(1, status.Done);
        Assert.Equal("done", status.Documents.Single().State);
        Assert.True(status.ChunkCount > 0);
        Assert.Equal(http.GetProperty("chunk_count").GetInt32(), status.ChunkCount);
        Assert.Equal(http.GetProperty("documents")[0].GetProperty("state").GetString(), status.Documents[0].State);
        Assert.NotEmpty(search.Hits);
        Assert.Equal("drill.md", search.Hits[0].DocumentId);
        Assert.Contains("3 years", search.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherTenant_StatusNotFoundAndSearchFindsNothing()
    {
        var dataset = NewDataset();
        await _knowledge.UploadAsync(File(dataset, "secret.txt", "The vault code of the Oslo office is 4417."), Token(_a), cancellationToken: Ct);
        await WaitUntilSettledAsync(_a, dataset);

        var search = await _knowledge.SearchAsync(
            new Wire.SearchRequest { Query = "Oslo vault code", DatasetIds = { dataset } }, Token(_b), cancellationToken: Ct);

        Assert.Empty(search.Hits);
        await AssertFailsAsync(StatusCode.NotFound, async () => await _knowledge.GetStatusAsync(
            new Wire.GetStatusRequest { DatasetId = dataset }, Token(_b), cancellationToken: Ct), "dataset_id");
    }

    [Fact]
    public async Task Index_SetsChunkingAndRejectsOutOfRangeNamingTheField()
    {
        var dataset = NewDataset();

        var status = await _knowledge.IndexAsync(
            new Wire.IndexRequest { DatasetId = dataset, Options = new Wire.IndexOptions { ChunkSize = 128, Overlap = 16 } }, Token(_a), cancellationToken: Ct);

        Assert.Equal(128, status.Settings.ChunkSize);
        Assert.Equal(16, status.Settings.Overlap);
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _knowledge.IndexAsync(
            new Wire.IndexRequest { DatasetId = dataset, IndexType = "tree" }, Token(_a), cancellationToken: Ct), "index_type");
    }

    [Fact]
    public async Task Upload_BadInput_InvalidArgumentNamingTheFieldAndNothingStored()
    {
        var dataset = NewDataset();

        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _knowledge.UploadAsync(
            File(dataset, "tool.exe", "MZ"), Token(_a), cancellationToken: Ct), "file_name");
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _knowledge.UploadAsync(
            File(dataset, "big.txt", new string('x', 5000)), Token(_a), cancellationToken: Ct), "content");
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _knowledge.UploadAsync(
            File("bad/dataset", "a.txt", "text"), Token(_a), cancellationToken: Ct), "dataset_id");
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _knowledge.UploadAsync(
            File(dataset, "", "text"), Token(_a), cancellationToken: Ct), "file_name");
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _knowledge.SearchAsync(
            new Wire.SearchRequest { Query = " " }, Token(_a), cancellationToken: Ct), "query");
        await AssertFailsAsync(StatusCode.InvalidArgument, async () => await _knowledge.SearchAsync(
            new Wire.SearchRequest { Query = "x", Mode = "fuzzy" }, Token(_a), cancellationToken: Ct), "mode");
        await AssertFailsAsync(StatusCode.NotFound, async () => await _knowledge.GetStatusAsync(
            new Wire.GetStatusRequest { DatasetId = dataset }, Token(_a), cancellationToken: Ct), "dataset_id");
    }
}
