using Chatbot.Knowledge.Ingestion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class DocumentChunkerTests(ChunkerFixture fixture)
{
    private readonly DocumentChunker _chunker = fixture.Chunker;

    [Fact]
    public void Chunk_EmptyDocument_ReturnsNoChunks()
    {
        var chunks = _chunker.Chunk("doc-1", ChunkerFixture.Paragraphs(), new ChunkingOptions(), TestContext.Current.CancellationToken);

        Assert.Empty(chunks);
    }

    [Fact]
    public void Chunk_LongDocument_EveryChunkWithinChunkSize()
    {
        var document = ChunkerFixture.Paragraphs(ChunkerFixture.EnglishParagraphs(30));
        var options = new ChunkingOptions { ChunkSize = 64, Overlap = 16 };

        var chunks = _chunker.Chunk("doc-1", document, options, TestContext.Current.CancellationToken);

        Assert.True(chunks.Count > 30);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.TokenCount, 1, options.ChunkSize);
            Assert.Equal(_chunker.CountTokens(chunk.Text), chunk.TokenCount);
        });
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(chunk => chunk.Index));
        Assert.All(chunks, chunk => Assert.Equal("doc-1", chunk.DocumentId));
    }

    [Fact]
    public void Chunk_AnyDocument_OffsetsSliceOriginalTextExactly()
    {
        var document = ChunkerFixture.Document(
            (DocumentBlockKind.Heading, 1, "Guide"),
            (DocumentBlockKind.Paragraph, 0, string.Join(' ', ChunkerFixture.EnglishParagraphs(3))),
            (DocumentBlockKind.Table, 0, "Name | Value\nTimeout | 30 s\nRetries | 3"),
            (DocumentBlockKind.Paragraph, 0, "知识库支持中文。每个片段都保留字符偏移！引用可以精确定位？是的；完全可以。"));

        var chunks = _chunker.Chunk("doc-1", document, new ChunkingOptions { ChunkSize = 32, Overlap = 8 }, TestContext.Current.CancellationToken);

        Assert.All(chunks, chunk => Assert.Equal(document.Text[chunk.Start..chunk.End], chunk.Text));
        Assert.All(chunks, chunk => Assert.Equal(chunk.Text.Trim(), chunk.Text));
    }

    [Fact]
    public void Chunk_NestedHeadings_CarriesHeadingPath()
    {
        var document = ChunkerFixture.Document(
            (DocumentBlockKind.Paragraph, 0, "Preface before any heading."),
            (DocumentBlockKind.Heading, 1, "Guide"),
            (DocumentBlockKind.Heading, 2, "Installation"),
            (DocumentBlockKind.Heading, 3, "Linux"),
            (DocumentBlockKind.Paragraph, 0, "Run the installer with sudo."),
            (DocumentBlockKind.Heading, 2, "Usage"),
            (DocumentBlockKind.Paragraph, 0, "Open the web UI on port 8080."));

        var chunks = _chunker.Chunk("doc-1", document, new ChunkingOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                ("", "Preface before any heading."),
                ("Guide > Installation > Linux", "Run the installer with sudo."),
                ("Guide > Usage", "Open the web UI on port 8080."),
            ],
            chunks.Select(chunk => (chunk.Section, chunk.Text)).ToArray());
        Assert.Equal("Guide > Usage\n\nOpen the web UI on port 8080.", chunks[2].ContextText);
    }

    [Fact]
    public void Chunk_PagedDocument_KeepsStartPage()
    {
        var builder = new ParsedDocumentBuilder("pdf");
        builder.AddParagraph("The first page says hello to every reader of this annual report.", page: 1);
        builder.AddParagraph("The second page says goodbye to every reader of this annual report.", page: 2);

        var chunks = _chunker.Chunk("doc-1", builder.Build(), new ChunkingOptions { ChunkSize = 16, Overlap = 0 }, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2], chunks.Select(chunk => chunk.Page ?? 0));
    }

    [Fact]
    public void Chunk_SameInputTwice_GivesSameChunks()
    {
        var document = ChunkerFixture.Paragraphs(ChunkerFixture.EnglishParagraphs(8));
        var options = new ChunkingOptions { ChunkSize = 48, Overlap = 12 };

        var first = _chunker.Chunk("doc-1", document, options, TestContext.Current.CancellationToken);
        var second = DocumentChunker.CreateDefault().Chunk("doc-1", document, options, TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Chunk_ConcurrentCallsOnOneChunker_GiveSameChunks()
    {
        var document = ChunkerFixture.Paragraphs(ChunkerFixture.EnglishParagraphs(12));
        var options = new ChunkingOptions { ChunkSize = 48, Overlap = 12 };
        var expected = _chunker.Chunk("doc-1", document, options, TestContext.Current.CancellationToken);

        var results = new IReadOnlyList<DocumentChunk>[8];
        Parallel.For(0, results.Length, i => results[i] = _chunker.Chunk("doc-1", document, options, TestContext.Current.CancellationToken));

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void CountTokens_EnglishAndChinese_CountedWithoutDownloads()
    {
        Assert.InRange(_chunker.CountTokens("Hello world"), 2, 3);
        Assert.InRange(_chunker.CountTokens("知识库"), 1, 3);
    }

    [Theory]
    [InlineData(8, 0, "chunk_size")]
    [InlineData(100_000, 0, "chunk_size")]
    [InlineData(64, 33, "overlap")]
    [InlineData(64, -1, "overlap")]
    public void Chunk_OptionsOutOfRange_ThrowsNamingField(int chunkSize, int overlap, string field)
    {
        var options = new ChunkingOptions { ChunkSize = chunkSize, Overlap = overlap };

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => _chunker.Chunk("doc-1", ChunkerFixture.Paragraphs("Text."), options, TestContext.Current.CancellationToken));

        Assert.Equal(field, error.ParamName);
    }
}
