using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Bm25;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

/// <summary>
/// The partition contract: each partition reports local statistics, the caller sums them, every partition scores
/// with the sum, and the merged top-k equals a single index over all chunks — bit for bit.
/// </summary>
public sealed class Bm25PartitioningTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Search_RandomPartitioningWithGlobalStatistics_EqualsSingleIndex(int seed)
    {
        var rng = new Random(seed);
        var corpus = RandomCorpus.Create(rng, rng.Next(50, 400), vocabulary: rng.Next(20, 200));
        var partitionCount = rng.Next(1, 8);
        var single = new Bm25Index();
        var partitions = Enumerable.Range(0, partitionCount).Select(_ => new Bm25Index()).ToArray();
        foreach (var (chunk, terms) in corpus)
        {
            single.Add(chunk, terms);
            partitions[rng.Next(partitionCount)].Add(chunk, terms);
        }

        // Deletions after partitioning must keep the equality too.
        foreach (var (chunk, _) in corpus.Where(_ => rng.NextDouble() < 0.1))
        {
            single.Remove(chunk.ChunkId);
            partitions.Single(p => p.Contains(chunk.ChunkId)).Remove(chunk.ChunkId);
        }

        for (var q = 0; q < 10; q++)
        {
            var query = Bm25Query.FromTerms(corpus[rng.Next(corpus.Count)].Terms.Take(rng.Next(1, 6)));
            var topK = rng.Next(1, 30);
            var filter = q % 3 == 0 ? new SearchFilter { DocumentIds = new HashSet<string> { "doc-1", "doc-2", "doc-3" } } : null;

            var global = Bm25Statistics.Sum(partitions.Select(p => p.GetStatistics(query.DistinctTerms)));
            var merged = SearchResults.Merge(partitions.Select(p => p.Search(query, global, topK, filter)), topK);

            Assert.Equal(single.Search(query, topK, filter), merged);
        }
    }

    [Fact]
    public void Search_PartitionsWithLocalStatistics_ScoreDifferentlyThanGlobal()
    {
        var left = new Bm25Index();
        var right = new Bm25Index();
        left.Add(new IndexedChunk("a", "d"), ["rare", "x"]);
        right.Add(new IndexedChunk("b", "d"), ["rare", "y"]);
        right.Add(new IndexedChunk("c", "d"), ["z", "y"]);
        var query = Bm25Query.FromTerms(["rare"]);
        var global = Bm25Statistics.Sum([left.GetStatistics(query.DistinctTerms), right.GetStatistics(query.DistinctTerms)]);

        var local = left.Search(query, 1)[0].Score;
        var shared = left.Search(query, global, 1)[0].Score;

        Assert.NotEqual(local, shared);
        Assert.Equal(3, global.DocumentCount);
        Assert.Equal(2, global.DocumentFrequency("rare"));
    }
}
