using Chatbot.Knowledge.Graph.Retrieval;
using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Fusion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class GraphSlotRerankerTests
{
    private static readonly HashSet<string> Text = ["bm25", "vector"];

    private static readonly Dictionary<string, double> Weights = new() { ["bm25"] = 1, ["vector"] = 0.1, ["graph_traversal"] = 1, ["community"] = 1 };

    [Fact]
    public void Rerank_Hybrid_EveryFifthPlaceGoesToTheBestCorroboratedGraphChunk()
    {
        // BM25 ranks t1…t8; the graph ranks g1 (no text route found it), then t7 (BM25 found it, low), then t1.
        var fused = Fuse(
            Route("bm25", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"),
            Route("graph_traversal", "g1", "t7", "t1"));

        var ranked = new GraphSlotReranker(new GraphFusionOptions()).Rerank(fused, 10, Text, Weights, new HashSet<string>());

        Assert.Equal(["t1", "t2", "t3", "t4", "t7"], ranked.Take(5).Select(r => r.Hit.ChunkId));
        Assert.Equal(["t5", "t6", "t8"], ranked.Skip(5).Take(3).Select(r => r.Hit.ChunkId));
        Assert.DoesNotContain("g1", ranked.Take(8).Select(r => r.Hit.ChunkId));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Rerank_CommunitySummary_NeedsNoCorroboration()
    {
        var fused = Fuse(Route("bm25", "t1", "t2", "t3", "t4", "t5"), Route("community", "community:0:1"));

        var ranked = new GraphSlotReranker(new GraphFusionOptions()).Rerank(fused, 5, Text, Weights, new HashSet<string> { "community:0:1" });

        Assert.Equal(["t1", "t2", "t3", "t4", "community:0:1"], ranked.Take(5).Select(r => r.Hit.ChunkId));
    }

    [Fact]
    public void Rerank_GraphOnlyOrNoShare_KeepsTheFusedOrder()
    {
        var graphOnly = Fuse(Route("graph_traversal", "g1", "g2", "g3"));
        var hybrid = Fuse(Route("bm25", "t1", "t2", "t3", "t4", "t5", "t6"), Route("graph_traversal", "t6"));

        var graph = new GraphSlotReranker(new GraphFusionOptions()).Rerank(graphOnly, 3, Text, Weights, new HashSet<string>());
        var noShare = new GraphSlotReranker(new GraphFusionOptions { GraphShare = 0 }).Rerank(hybrid, 5, Text, Weights, new HashSet<string>());

        Assert.Equal(["g1", "g2", "g3"], graph.Select(r => r.Hit.ChunkId));
        Assert.Equal(hybrid.Select(h => h.ChunkId), noShare.Select(r => r.Hit.ChunkId));
    }

    private static RankedRoute Route(string name, params string[] chunks) =>
        new(name, chunks.Select((c, i) => new ScoredChunk(c, "d-" + c, 10 - i)).ToList(), Weights[name]);

    private static IReadOnlyList<FusedHit> Fuse(params RankedRoute[] routes) => ReciprocalRankFusion.Fuse(routes, 100);
}
