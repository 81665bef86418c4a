using Chatbot.Knowledge.Ingestion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class ChineseChunkingTests(ChunkerFixture fixture)
{
    private readonly DocumentChunker _chunker = fixture.Chunker;

    [Fact]
    public void Chunk_ChineseParagraph_BreaksAtChineseSentencePunctuation()
    {
        string[] endings = ["。", "！", "？", "；"];
        var paragraph = string.Concat(Enumerable.Range(1, 40).Select(i =>
            $"第{i}条规定员工每年享有带薪年假并可以申请延期使用{endings[i % endings.Length]}"));
        var document = ChunkerFixture.Paragraphs(paragraph);
        var options = new ChunkingOptions { ChunkSize = 64, Overlap = 0 };

        var chunks = _chunker.Chunk("doc-zh", document, options, TestContext.Current.CancellationToken);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.TokenCount, 1, options.ChunkSize);
            Assert.Contains(chunk.Text[^1].ToString(), endings);
            Assert.StartsWith("第", chunk.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Chunk_ChineseWithOverlap_OverlapStartsAtSentence()
    {
        var paragraph = string.Concat(Enumerable.Range(1, 30).Select(i => $"第{i}步：检查服务状态。"));
        var document = ChunkerFixture.Paragraphs(paragraph);
        var options = new ChunkingOptions { ChunkSize = 48, Overlap = 16 };

        var chunks = _chunker.Chunk("doc-zh", document, options, TestContext.Current.CancellationToken);

        Assert.True(chunks.Count > 2);
        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            Assert.True(next.Start < previous.End);
            Assert.StartsWith("第", next.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chunk_ChineseSentenceLongerThanChunk_StillChunkedWithinSize()
    {
        var sentence = string.Concat(Enumerable.Repeat("知识库在没有任何标点的情况下也必须被切分成合适大小的片段", 20));
        var document = ChunkerFixture.Paragraphs(sentence);
        var options = new ChunkingOptions { ChunkSize = 32, Overlap = 8 };

        var chunks = _chunker.Chunk("doc-zh", document, options, TestContext.Current.CancellationToken);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.TokenCount, 1, options.ChunkSize);
            Assert.Equal(document.Text[chunk.Start..chunk.End], chunk.Text);
        });
        Assert.Equal(0, chunks[0].Start);
        Assert.Equal(document.Text.Length, chunks[^1].End);
    }
}
