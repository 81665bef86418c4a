using Chatbot.Knowledge.Embeddings;
using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Bm25;
using Chatbot.Knowledge.Indexing.Fusion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class PartitionIndexTests : IDisposable
{
    private static readonly (string Id, string Document, string Text)[] Chunks =
    [
        ("hr:0", "hr", "Employees get fifteen days of paid annual leave per year."),
        ("hr:1", "hr", "员工每年享有十五天带薪年假，需提前两周申请。"),
        ("it:0", "it", "Passwords must be changed every ninety days."),
        ("it:1", "it", "密码每九十天更换一次，不得与他人共享账户。"),
        ("ops:0", "ops", "The office is next to the metro line 2 station."),
        ("ops:1", "ops", "办公室位于上海市浦东新区，地铁二号线可直达。"),
    ];

    private readonly MixedScriptAnalyzer _analyzer = new();
    private readonly HashingEmbeddingGenerator _embeddings = new();

    private PartitionIndex[] Partitioned(int count)
    {
        var partitions = Enumerable.Range(0, count).Select(_ => new PartitionIndex(_analyzer, 384)).ToArray();
        foreach (var (id, document, text) in Chunks)
        {
            // Any stable hash does for the test; the grain uses its own partitioner.
            var partition = id.Sum(c => c) % count;
            partitions[partition].Upsert(new IndexedChunk(id, document), text, _embeddings.Embed(text));
        }

        return partitions;
    }

    private IReadOnlyList<FusedHit> HybridSearch(PartitionIndex[] partitions, string text, int topK, SearchFilter? filter = null)
    {
        var query = Bm25Query.Parse(_analyzer, text);
        var vector = _embeddings.Embed(text);
        var corpus = Bm25Statistics.Sum(partitions.Select(p => p.GetStatistics(query)));
        var bm25 = SearchResults.Merge(partitions.Select(p => p.SearchBm25(query, corpus, topK, filter)), topK);
        var dense = SearchResults.Merge(partitions.Select(p => p.SearchDense(vector, topK, filter)), topK);
        return ReciprocalRankFusion.Fuse([new(SearchRoutes.Bm25, bm25), new(SearchRoutes.Dense, dense)], topK);
    }

    [Theory]
    [InlineData("How many days of annual leave?", "hr:0")]
    [InlineData("年假有多少天？", "hr:1")]
    [InlineData("密码多久更换？", "it:1")]
    [InlineData("which metro line goes to the office", "ops:0")]
    public void HybridSearch_EnglishAndChineseQuestions_RankAnsweringChunkFirst(string question, string expected)
    {
        var hits = HybridSearch(Partitioned(3), question, 3);

        Assert.Equal(expected, hits[0].ChunkId);
        Assert.NotNull(hits[0].Route(SearchRoutes.Bm25));
        Assert.NotNull(hits[0].Route(SearchRoutes.Dense));
    }

    [Fact]
    public void HybridSearch_OneOrThreePartitions_SameResults()
    {
        var single = HybridSearch(Partitioned(1), "annual leave 年假 password", 6);
        var spread = HybridSearch(Partitioned(3), "annual leave 年假 password", 6);

        Assert.Equal(single, spread, (x, y) => x.ChunkId == y.ChunkId && x.Score == y.Score
            && x.Routes.SequenceEqual(y.Routes));
    }

    [Fact]
    public void RemoveDocument_Deleted_NeverReturnedByEitherRoute()
    {
        var partitions = Partitioned(2);

        var removed = partitions.Sum(p => p.RemoveDocument("it"));

        Assert.Equal(2, removed);
        Assert.DoesNotContain(HybridSearch(partitions, "密码 password", 6), h => h.DocumentId == "it");
    }

    [Fact]
    public void Upsert_SameChunkId_ReplacesTextAndVector()
    {
        var index = Partitioned(1)[0];
        var text = "The office moved to metro line 9.";

        index.Upsert(new IndexedChunk("ops:0", "ops"), text, _embeddings.Embed(text));

        Assert.Equal(6, index.Count);
        Assert.Equal("ops:0", HybridSearch([index], "line 9", 1)[0].ChunkId);
    }

    [Fact]
    public void WriteTo_ReadFrom_RoundTripsBothRoutes()
    {
        var index = Partitioned(1)[0];
        using var stream = new MemoryStream();

        index.WriteTo(stream);
        stream.Position = 0;
        var loaded = PartitionIndex.ReadFrom(stream, _analyzer);

        Assert.Equal(HybridSearch([index], "年假 leave", 6), HybridSearch([loaded], "年假 leave", 6),
            (x, y) => x.ChunkId == y.ChunkId && x.Score == y.Score);
    }

    [Fact]
    public void ReadFrom_DifferentAnalyzer_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        Partitioned(1)[0].WriteTo(stream);
        stream.Position = 0;
        using var bigram = new MixedScriptAnalyzer(new TextAnalysisOptions { Chinese = ChineseSegmentation.Bigram });

        var error = Assert.Throws<InvalidDataException>(() => PartitionIndex.ReadFrom(stream, bigram));

        Assert.Contains("smartcn", error.Message);
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        _embeddings.Dispose();
    }
}
