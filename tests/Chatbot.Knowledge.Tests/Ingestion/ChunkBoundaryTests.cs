using Chatbot.Knowledge.Ingestion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

/// <summary>Where chunks end and how much consecutive chunks share.</summary>
public sealed class ChunkBoundaryTests(ChunkerFixture fixture)
{
    private readonly DocumentChunker _chunker = fixture.Chunker;

    [Fact]
    public void Chunk_ConsecutiveChunks_ShareAtMostOverlapTokens()
    {
        var document = ChunkerFixture.Paragraphs(ChunkerFixture.EnglishParagraphs(10));
        var options = new ChunkingOptions { ChunkSize = 80, Overlap = 24 };

        var chunks = _chunker.Chunk("doc-1", document, options, TestContext.Current.CancellationToken);

        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            Assert.True(next.Start > previous.Start, "chunks must advance");
            Assert.True(next.End > previous.End, "each chunk must add new text");
            Assert.True(next.Start < previous.End, $"chunk {next.Index} should overlap chunk {previous.Index}");
            Assert.InRange(_chunker.CountTokens(document.Text[next.Start..previous.End]), 1, options.Overlap);
        }
    }

    [Fact]
    public void Chunk_ZeroOverlap_ChunksDoNotOverlap()
    {
        var document = ChunkerFixture.Paragraphs(ChunkerFixture.EnglishParagraphs(10));

        var chunks = _chunker.Chunk("doc-1", document, new ChunkingOptions { ChunkSize = 80, Overlap = 0 }, TestContext.Current.CancellationToken);

        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.True(pair.Second.Start >= pair.First.End));
        Assert.Equal(
            string.Concat(document.Text.Where(c => !char.IsWhiteSpace(c))),
            string.Concat(chunks.SelectMany(chunk => chunk.Text).Where(c => !char.IsWhiteSpace(c))));
    }

    [Fact]
    public void Chunk_ShortParagraphs_BreaksAtParagraphBoundaries()
    {
        var document = ChunkerFixture.Paragraphs(Enumerable.Range(1, 12)
            .Select(i => $"Paragraph {i} is short. It has two sentences about topic {i}.")
            .ToArray());
        var blockEnds = document.Blocks.Select(block => block.End).ToHashSet();

        var chunks = _chunker.Chunk("doc-1", document, new ChunkingOptions { ChunkSize = 50, Overlap = 0 }, TestContext.Current.CancellationToken);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.Contains(chunk.End, blockEnds));
    }

    [Fact]
    public void Chunk_SingleSentenceLongerThanChunk_SplitsBetweenWords()
    {
        var sentence = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"word{i}"));
        var document = ChunkerFixture.Paragraphs(sentence);
        var options = new ChunkingOptions { ChunkSize = 40, Overlap = 10 };

        var chunks = _chunker.Chunk("doc-1", document, options, TestContext.Current.CancellationToken);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.TokenCount, 1, options.ChunkSize);
            Assert.True(chunk.Start == 0 || document.Text[chunk.Start - 1] == ' ', $"chunk {chunk.Index} starts mid-word");
            Assert.True(chunk.End == document.Text.Length || document.Text[chunk.End] == ' ', $"chunk {chunk.Index} ends mid-word");
        });
        Assert.Equal(document.Text.Length, chunks[^1].End);
    }
}
