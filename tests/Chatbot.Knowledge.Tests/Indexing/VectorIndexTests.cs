using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Vectors;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class VectorIndexTests
{
    private const int Dimensions = 32;

    private static (VectorIndex Index, List<float[]> Vectors) Build(int count, VectorIndexOptions? options = null, int seed = 5)
    {
        var rng = new Random(seed);
        var index = new VectorIndex(Dimensions, options);
        var vectors = new List<float[]>();
        for (var i = 0; i < count; i++)
        {
            vectors.Add(RandomCorpus.UnitVector(rng, Dimensions));
            index.Add(new IndexedChunk($"c{i}", $"doc-{i % 10}"), vectors[i]);
        }

        return (index, vectors);
    }

    [Fact]
    public void SearchExact_RandomVectors_ReturnsBruteForceTopK()
    {
        var (index, vectors) = Build(500);
        var query = RandomCorpus.UnitVector(new Random(99), Dimensions);

        var hits = index.SearchExact(query, 10);

        var expected = vectors
            .Select((v, i) => (Id: $"c{i}", Score: (double)VectorMath.Dot(query, v)))
            .OrderByDescending(x => x.Score).Take(10).ToList();
        Assert.Equal(expected.Select(e => e.Id), hits.Select(h => h.ChunkId));
        Assert.Equal(expected[0].Score, hits[0].Score, 5);
    }

    [Fact]
    public void Add_UnnormalisedVector_StoresUnitVectorSoScoreIsCosine()
    {
        var index = new VectorIndex(3);
        index.Add(new IndexedChunk("a", "d"), [3f, 0f, 4f]);

        var hit = Assert.Single(index.Search([0f, 0f, 10f], 5));

        Assert.Equal(0.8, hit.Score, 6);
    }

    [Fact]
    public void Add_WrongDimensions_Throws()
    {
        var index = new VectorIndex(3);

        Assert.Throws<ArgumentException>(() => index.Add(new IndexedChunk("a", "d"), [1f, 2f]));
    }

    [Fact]
    public void Search_DocumentAndDateFilters_ReturnOnlyMatchingChunks()
    {
        var (index, _) = Build(200, new VectorIndexOptions { HnswThreshold = 50 });
        var query = RandomCorpus.UnitVector(new Random(1), Dimensions);
        var dated = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
        index.Add(new IndexedChunk("dated", "doc-x", dated), query);

        var byDocument = index.Search(query, 5, new SearchFilter { DocumentIds = new HashSet<string> { "doc-3" } });
        var byDate = index.Search(query, 5, new SearchFilter { From = dated, To = dated });

        Assert.Equal(5, byDocument.Count);
        Assert.All(byDocument, h => Assert.Equal("doc-3", h.DocumentId));
        Assert.Equal(["dated"], byDate.Select(h => h.ChunkId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void RemoveDocument_ExactOrHnsw_NeverReturnsItsChunks(int hnswThreshold)
    {
        var (index, vectors) = Build(300, new VectorIndexOptions { HnswThreshold = hnswThreshold });

        Assert.Equal(30, index.RemoveDocument("doc-7"));

        Assert.Equal(270, index.Count);
        foreach (var vector in vectors.Take(20))
        {
            Assert.DoesNotContain(index.Search(vector, 20), h => h.DocumentId == "doc-7");
        }
    }

    [Fact]
    public void Remove_MostVectors_CompactsAndKeepsSearchExact()
    {
        var (index, vectors) = Build(1_000, new VectorIndexOptions { HnswThreshold = 100 });
        for (var i = 0; i < 900; i++)
        {
            index.Remove($"c{i}");
        }

        var hits = index.SearchExact(vectors[950], 3);

        Assert.Equal(100, index.Count);
        Assert.Equal("c950", hits[0].ChunkId);
        Assert.Equal("c950", index.Search(vectors[950], 3)[0].ChunkId);
    }
}
