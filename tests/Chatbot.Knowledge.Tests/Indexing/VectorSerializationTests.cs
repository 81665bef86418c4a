using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Vectors;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class VectorSerializationTests
{
    [Theory]
    [InlineData(1_000_000)]
    [InlineData(0)]
    public void WriteTo_ReadFrom_RoundTripsResultsExactAndHnsw(int hnswThreshold)
    {
        var rng = new Random(17);
        var options = new VectorIndexOptions { HnswThreshold = hnswThreshold };
        var index = new VectorIndex(24, options);
        var start = new DateTimeOffset(2024, 6, 1, 8, 30, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < 400; i++)
        {
            index.Add(new IndexedChunk($"c{i}", $"doc-{i % 7}", start.AddHours(i)), RandomCorpus.UnitVector(rng, 24));
        }

        index.RemoveDocument("doc-2");
        using var stream = new MemoryStream();

        index.WriteTo(stream);
        stream.Position = 0;
        var loaded = VectorIndex.ReadFrom(stream, options);

        var filter = new SearchFilter { From = start.AddHours(100) };
        Assert.Equal(index.Count, loaded.Count);
        Assert.Equal(index.UsesHnsw, loaded.UsesHnsw);
        for (var q = 0; q < 10; q++)
        {
            var query = RandomCorpus.UnitVector(rng, 24);
            Assert.Equal(index.Search(query, 10), loaded.Search(query, 10));
            Assert.Equal(index.Search(query, 10, filter), loaded.Search(query, 10, filter));
        }
    }

    [Fact]
    public void ReadFrom_ThenAdd_KeepsIndexUsable()
    {
        var rng = new Random(4);
        var options = new VectorIndexOptions { HnswThreshold = 0 };
        var index = new VectorIndex(8, options);
        for (var i = 0; i < 50; i++)
        {
            index.Add(new IndexedChunk($"c{i}", "d"), RandomCorpus.UnitVector(rng, 8));
        }

        using var stream = new MemoryStream();
        index.WriteTo(stream);
        stream.Position = 0;
        var loaded = VectorIndex.ReadFrom(stream, options);
        var added = RandomCorpus.UnitVector(rng, 8);

        loaded.Add(new IndexedChunk("new", "d"), added);

        Assert.Equal("new", loaded.Search(added, 1)[0].ChunkId);
        Assert.Equal(51, loaded.Count);
    }

    [Fact]
    public void WriteTo_Vectors_StoresFourBytesPerDimensionPlusSmallOverhead()
    {
        var rng = new Random(1);
        var index = new VectorIndex(128, new VectorIndexOptions { HnswThreshold = 1_000_000 });
        for (var i = 0; i < 100; i++)
        {
            index.Add(new IndexedChunk($"c{i}", "doc"), RandomCorpus.UnitVector(rng, 128));
        }

        using var stream = new MemoryStream();
        index.WriteTo(stream);

        Assert.InRange(stream.Length, 100 * 128 * 4, (100 * 128 * 4) + (100 * 16) + 64);
    }
}
