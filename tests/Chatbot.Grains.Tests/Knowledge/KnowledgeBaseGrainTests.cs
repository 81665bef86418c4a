using Chatbot.Testing.Knowledge;
using System.Text;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Store;
using Chatbot.Tenants;
using Xunit;

using static Chatbot.Grains.Tests.Knowledge.KnowledgeSteps;

namespace Chatbot.Grains.Tests.Knowledge;

public sealed class KnowledgeBaseGrainTests(KnowledgeClusterFixture fixture) : IClassFixture<KnowledgeClusterFixture>
{
    private const string Tenant = "acme";

    // Indexing runs in the background, so the tests wait for the status a user would watch. No barrier exists for
    // "the job finished" without adding a test-only API, so this polls GetStatusAsync every 50 ms within a bound.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewDataset() => "ds-" + Guid.NewGuid().ToString("N")[..12];

    private IKnowledgeBaseGrain Grain(string dataset) => fixture.Client.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(Tenant, dataset));

    private async Task<List<StoredChunk>> StoredChunksAsync(string dataset, string documentId)
    {
        var chunks = new List<StoredChunk>();
        for (var p = 0; p < KnowledgeClusterFixture.Partitions; p++)
        {
            chunks.AddRange(await fixture.Store.LoadDocumentChunksAsync(Tenant, dataset, p, documentId, Ct));
        }

        return chunks;
    }

    private async Task<int> PartitionChunkCountAsync(string dataset)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, KnowledgeClusterFixture.Partitions).Select(p =>
            fixture.Client.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(Tenant, dataset, p)).CountAsync()));
        return counts.Sum();
    }

    [Fact]
    public async Task Upload_TextMarkdownHtml_EachReachesDoneWithChunksInStoreAndPartitions()
    {
        var dataset = NewDataset();
        var grain = Grain(dataset);

        var pending = await UploadAsync(grain, "guide.txt", "guide.txt", Paragraphs("install", 12));
        await UploadAsync(grain, "faq.md", "faq.md", "# FAQ\n\n" + Paragraphs("faq", 6));
        await UploadAsync(grain, "page.html", "page.html", $"<html><body><main><h1>Page</h1><p>{Paragraphs("web", 4)}</p></main></body></html>");
        var status = await WaitUntilSettledAsync(grain);

        Assert.Equal(DocumentState.Pending, pending.State);
        Assert.Equal(1, pending.Version);
        Assert.Equal(3, status.Done);
        Assert.Equal(1.0, status.Progress);
        Assert.All(status.Documents, d => Assert.True(d.ChunkCount > 0 && d.IndexedAt is not null, d.ToString()));
        var guide = status.Documents.Single(d => d.DocumentId == "guide.txt");
        var stored = await StoredChunksAsync(dataset, "guide.txt");
        Assert.Equal(guide.ChunkCount, stored.Count);
        Assert.Equal(Enumerable.Range(0, guide.ChunkCount).Select(i => $"guide.txt:{i}"), stored.OrderBy(c => c.Index).Select(c => c.ChunkId));
        Assert.Equal(status.ChunkCount, await PartitionChunkCountAsync(dataset));
        Assert.Contains(dataset, await fixture.Client.GetGrain<ITenantGrain>(Tenant).ListDatasetsAsync());
    }

    [Fact]
    public async Task Upload_CorruptPdfInABatch_FailsAloneWithAReasonWhileTheOthersFinish()
    {
        var grain = Grain(NewDataset());

        await UploadAsync(grain, "broken.pdf", "broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 truncated garbage"));
        await UploadAsync(grain, "a.txt", "a.txt", Paragraphs("alpha", 3));
        await UploadAsync(grain, "b.md", "b.md", Paragraphs("beta", 3));
        var status = await WaitUntilSettledAsync(grain);

        var broken = status.Documents.Single(d => d.DocumentId == "broken.pdf");
        Assert.Equal(DocumentState.Failed, broken.State);
        Assert.False(string.IsNullOrWhiteSpace(broken.Error));
        Assert.Equal(0, broken.ChunkCount);
        Assert.Equal(2, status.Done);
        Assert.Equal(1, status.Failed);
    }

    [Fact]
    public async Task Upload_SameDocumentAgain_IncrementsVersionAndReplacesItsChunks()
    {
        var dataset = NewDataset();
        var grain = Grain(dataset);
        await UploadAsync(grain, "policy", "policy.txt", "The refund window is 14 days. " + Paragraphs("old policy", 6));
        await WaitUntilSettledAsync(grain);

        var second = await UploadAsync(grain, "policy", "policy.txt", "The refund window is 30 days.");
        var status = await WaitForAsync(grain, s => s.Documents.Single().Version == 2 && s.InProgress == 0);
        var stored = await StoredChunksAsync(dataset, "policy");

        Assert.Equal(2, second.Version);
        Assert.Equal(DocumentState.Done, status.Documents.Single().State);
        Assert.Equal(1, status.Documents.Single().ChunkCount);
        Assert.Equal("The refund window is 30 days.", Assert.Single(stored).Text);
        Assert.Equal(1, await PartitionChunkCountAsync(dataset));
    }

    [Fact]
    public async Task DeleteDocument_Indexed_RemovesItFromRegistryStoreAndPartitions()
    {
        var dataset = NewDataset();
        var grain = Grain(dataset);
        await UploadAsync(grain, "keep.txt", "keep.txt", Paragraphs("keep", 3));
        await UploadAsync(grain, "drop.txt", "drop.txt", Paragraphs("drop", 8));
        var before = await WaitUntilSettledAsync(grain);

        var deleted = await grain.DeleteDocumentAsync("drop.txt", Ct);
        var again = await grain.DeleteDocumentAsync("drop.txt", Ct);
        var after = await grain.GetStatusAsync();

        Assert.True(deleted);
        Assert.False(again);
        Assert.Equal(["keep.txt"], after!.Documents.Select(d => d.DocumentId));
        Assert.Empty(await StoredChunksAsync(dataset, "drop.txt"));
        Assert.Null(await fixture.Store.GetDocumentAsync(Tenant, dataset, "drop.txt", Ct));
        Assert.Equal(before.Documents.Single(d => d.DocumentId == "keep.txt").ChunkCount, await PartitionChunkCountAsync(dataset));
    }

    [Fact]
    public async Task Delete_Dataset_RemovesEverythingAndLeavesTheTenantIndex()
    {
        var dataset = NewDataset();
        var grain = Grain(dataset);
        await UploadAsync(grain, "doc.txt", "doc.txt", Paragraphs("doc", 4));
        await WaitUntilSettledAsync(grain);

        Assert.True(await grain.DeleteAsync(Ct));

        Assert.Null(await grain.GetStatusAsync());
        Assert.False(await grain.DeleteAsync(Ct));
        Assert.Empty(await StoredChunksAsync(dataset, "doc.txt"));
        Assert.Equal(0, await PartitionChunkCountAsync(dataset));
        Assert.DoesNotContain(dataset, await fixture.Client.GetGrain<ITenantGrain>(Tenant).ListDatasetsAsync());
    }

    [Fact]
    public async Task Configure_NewChunkSize_ReindexesEveryDocument()
    {
        var grain = Grain(NewDataset());
        await UploadAsync(grain, "doc.txt", "doc.txt", Paragraphs("sizes", 20));
        var small = await WaitUntilSettledAsync(grain);

        await grain.ConfigureAsync(new IndexSettings { ChunkSize = 512, Overlap = 0 }, Ct);
        var large = await WaitForAsync(grain, s => s.InProgress == 0 && s.Documents.Single().ChunkCount != small.ChunkCount);

        Assert.Equal(512, large.Settings.ChunkSize);
        Assert.True(large.ChunkCount < small.ChunkCount);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ConfigureAsync(new IndexSettings { ChunkSize = 2 }, Ct));
    }

    [Fact]
    public async Task IndexJob_GrainDeactivatedMidJob_ResumesFromThePersistedStageAndFinishes()
    {
        var dataset = NewDataset();
        var grain = Grain(dataset);
        await UploadAsync(grain, "held.txt", "held.txt", $"{HoldingEmbeddingGenerator.HoldMarker} " + Paragraphs("held", 3));
        await fixture.Embeddings.Entered.Task.WaitAsync(s_timeout, Ct);
        var midJob = await grain.GetStatusAsync();

        // Deactivate every idle activation, the knowledge base included, while its job waits in the embedder.
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        await fixture.Embeddings.Cancelled.Task.WaitAsync(s_timeout, Ct);
        fixture.Embeddings.Release();
        var status = await WaitUntilSettledAsync(grain);

        Assert.Equal(DocumentState.Indexing, midJob!.Documents.Single().State);
        Assert.Equal(DocumentState.Done, status.Documents.Single().State);
        Assert.Equal(status.ChunkCount, (await StoredChunksAsync(dataset, "held.txt")).Count);
    }
}
