using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Vectors;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class HnswRecallTests
{
    private const int Dimensions = 64;

    private static readonly VectorIndexOptions HnswAlways = new()
    {
        HnswThreshold = 0,
        Hnsw = new HnswOptions { M = 16, EfConstruction = 100, EfSearch = 128, Seed = 42 },
    };

    [Fact]
    public void Search_FiveThousandRandomUnitVectors_RecallAt10AgainstExactAtLeast95Percent()
    {
        var rng = new Random(2024);
        var index = new VectorIndex(Dimensions, HnswAlways);
        for (var i = 0; i < 5_000; i++)
        {
            index.Add(new IndexedChunk($"c{i}", $"doc-{i % 100}"), RandomCorpus.UnitVector(rng, Dimensions));
        }

        var found = 0;
        const int queries = 200;
        for (var q = 0; q < queries; q++)
        {
            var query = RandomCorpus.UnitVector(rng, Dimensions);
            var exact = index.SearchExact(query, 10).Select(h => h.ChunkId).ToHashSet();
            found += index.Search(query, 10).Count(h => exact.Contains(h.ChunkId));
        }

        Assert.True(index.UsesHnsw);
        var recall = found / (queries * 10.0);
        Assert.True(recall >= 0.95, $"HNSW recall@10 was {recall:F4}");
    }

    [Fact]
    public void Add_SameSeedAndInserts_BuildsIdenticalGraph()
    {
        byte[] Serialize()
        {
            var rng = new Random(8);
            var index = new VectorIndex(16, HnswAlways);
            for (var i = 0; i < 500; i++)
            {
                index.Add(new IndexedChunk($"c{i}", "d"), RandomCorpus.UnitVector(rng, 16));
            }

            using var stream = new MemoryStream();
            index.WriteTo(stream);
            return stream.ToArray();
        }

        Assert.Equal(Serialize(), Serialize());
    }

    [Fact]
    public void Add_CrossingThreshold_SwitchesToHnsw()
    {
        var rng = new Random(3);
        var index = new VectorIndex(8, new VectorIndexOptions { HnswThreshold = 100 });
        for (var i = 0; i < 99; i++)
        {
            index.Add(new IndexedChunk($"c{i}", "d"), RandomCorpus.UnitVector(rng, 8));
        }

        Assert.False(index.UsesHnsw);
        index.Add(new IndexedChunk("c99", "d"), RandomCorpus.UnitVector(rng, 8));
        Assert.True(index.UsesHnsw);
    }
}
