using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Bm25;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class Bm25IndexTests
{
    private static Bm25Index TinyCorpus()
    {
        var index = new Bm25Index();
        index.Add(new IndexedChunk("d1", "doc-1"), ["apple", "banana"]);
        index.Add(new IndexedChunk("d2", "doc-2"), ["apple", "apple", "cherry"]);
        index.Add(new IndexedChunk("d3", "doc-3"), ["cherry", "date", "egg", "fig"]);
        return index;
    }

    [Fact]
    public void Search_TinyCorpus_MatchesHandComputedScores()
    {
        var index = TinyCorpus();

        var hits = index.Search(Bm25Query.FromTerms(["apple"]), 10);

        // N=3, avgdl=3, df=2: idf = ln(1 + 1.5/2.5); tf·2.2 / (tf + 1.2·(0.25 + 0.75·dl/3)).
        Assert.Equal(["d2", "d1"], hits.Select(h => h.ChunkId));
        Assert.Equal(0.6462549902128865, hits[0].Score, 12);
        Assert.Equal(0.5442147286003255, hits[1].Score, 12);
    }

    [Fact]
    public void Search_TwoTerms_SumsPerTermScores()
    {
        var index = TinyCorpus();

        var hits = index.Search(Bm25Query.FromTerms(["apple", "cherry"]), 10);

        Assert.Equal(["d2", "d1", "d3"], hits.Select(h => h.ChunkId));
        Assert.Equal(1.1162586194586221, hits[0].Score, 12);
        Assert.Equal(0.4136031937362474, hits[2].Score, 12);
    }

    [Fact]
    public void Search_UnknownTermOrZeroTopK_ReturnsNothing()
    {
        var index = TinyCorpus();

        Assert.Empty(index.Search(Bm25Query.FromTerms(["zebra"]), 10));
        Assert.Empty(index.Search(Bm25Query.FromTerms(["apple"]), 0));
    }

    [Fact]
    public void GetStatistics_AfterRemove_CountsOnlyLiveChunks()
    {
        var index = TinyCorpus();

        index.Remove("d2");
        var stats = index.GetStatistics(["apple", "cherry", "zebra"]);

        Assert.Equal(2, stats.DocumentCount);
        Assert.Equal(6, stats.TotalLength);
        Assert.Equal(1, stats.DocumentFrequency("apple"));
        Assert.Equal(1, stats.DocumentFrequency("cherry"));
        Assert.Equal(0, stats.DocumentFrequency("zebra"));
    }

    [Fact]
    public void Remove_Chunk_NoLongerReturned()
    {
        var index = TinyCorpus();

        Assert.True(index.Remove("d2"));
        Assert.False(index.Remove("d2"));

        Assert.Equal(["d1"], index.Search(Bm25Query.FromTerms(["apple"]), 10).Select(h => h.ChunkId));
    }

    [Fact]
    public void RemoveDocument_AllItsChunks_RemovedAndReAddable()
    {
        var index = TinyCorpus();
        index.Add(new IndexedChunk("d2b", "doc-2"), ["apple", "grape"]);

        Assert.Equal(2, index.RemoveDocument("doc-2"));
        index.Add(new IndexedChunk("d2", "doc-2"), ["grape"]);

        Assert.Equal(["d1"], index.Search(Bm25Query.FromTerms(["apple"]), 10).Select(h => h.ChunkId));
        Assert.Equal(["d2"], index.Search(Bm25Query.FromTerms(["grape"]), 10).Select(h => h.ChunkId));
    }

    [Fact]
    public void Add_DuplicateChunkId_Throws()
    {
        var index = TinyCorpus();

        Assert.Throws<ArgumentException>(() => index.Add(new IndexedChunk("d1", "doc-1"), ["x"]));
    }

    [Fact]
    public void Search_DocumentAndDateFilters_ReturnOnlyMatchingChunks()
    {
        var index = new Bm25Index();
        var january = new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);
        index.Add(new IndexedChunk("a", "doc-a", january), ["refund", "policy"]);
        index.Add(new IndexedChunk("b", "doc-b", january.AddMonths(6)), ["refund"]);
        index.Add(new IndexedChunk("c", "doc-c"), ["refund"]);
        var query = Bm25Query.FromTerms(["refund"]);

        var byDocument = index.Search(query, 10, new SearchFilter { DocumentIds = new HashSet<string> { "doc-b", "doc-c" } });
        var byDate = index.Search(query, 10, new SearchFilter { From = january.AddDays(-1), To = january.AddMonths(1) });

        Assert.Equal(["b", "c"], byDocument.Select(h => h.ChunkId).Order());
        Assert.Equal(["a"], byDate.Select(h => h.ChunkId));
    }

    [Fact]
    public void Remove_MostChunks_CompactsAndScoresLikeAFreshIndex()
    {
        var rng = new Random(11);
        var corpus = RandomCorpus.Create(rng, 1_000, vocabulary: 60);
        var index = new Bm25Index();
        var fresh = new Bm25Index();
        foreach (var (chunk, terms) in corpus)
        {
            index.Add(chunk, terms);
        }

        foreach (var (chunk, terms) in corpus)
        {
            if (int.Parse(chunk.ChunkId[1..]) % 4 != 0)
            {
                index.Remove(chunk.ChunkId);
            }
            else
            {
                fresh.Add(chunk, terms);
            }
        }

        var query = Bm25Query.FromTerms(["t1", "t7", "t30"]);
        Assert.Equal(fresh.Count, index.Count);
        Assert.Equal(fresh.TotalLength, index.TotalLength);
        Assert.Equal(fresh.Search(query, 20), index.Search(query, 20));
    }
}
