using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Fusion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class ReciprocalRankFusionTests
{
    private static readonly RankedRoute Bm25 = new(SearchRoutes.Bm25,
    [
        new ScoredChunk("a", "d1", 12.5),
        new ScoredChunk("b", "d1", 9.0),
        new ScoredChunk("c", "d2", 4.0),
    ]);

    private static readonly RankedRoute Dense = new(SearchRoutes.Dense,
    [
        new ScoredChunk("b", "d1", 0.91),
        new ScoredChunk("d", "d3", 0.88),
        new ScoredChunk("a", "d1", 0.80),
    ]);

    [Fact]
    public void Fuse_TwoRoutes_OrdersByReciprocalRankSum()
    {
        var fused = ReciprocalRankFusion.Fuse([Bm25, Dense], topK: 10);

        // b: 1/62 + 1/61, a: 1/61 + 1/63, then d (1/62) before c (1/63).
        Assert.Equal(["b", "a", "d", "c"], fused.Select(h => h.ChunkId));
        Assert.Equal(0.03252247488101534, fused[0].Score, 15);
        Assert.Equal(0.032266458495966696, fused[1].Score, 15);
        Assert.Equal(1.0 / 62, fused[2].Score, 15);
    }

    [Fact]
    public void Fuse_Hits_KeepPerRouteRanksAndScores()
    {
        var fused = ReciprocalRankFusion.Fuse([Bm25, Dense], topK: 10).ToDictionary(h => h.ChunkId);

        Assert.Equal(new RouteHit(SearchRoutes.Bm25, 2, 9.0), fused["b"].Route(SearchRoutes.Bm25));
        Assert.Equal(new RouteHit(SearchRoutes.Dense, 1, 0.91), fused["b"].Route(SearchRoutes.Dense));
        Assert.Null(fused["d"].Route(SearchRoutes.Bm25));
        Assert.Equal("d3", fused["d"].DocumentId);
    }

    [Fact]
    public void Fuse_TopKAndSmallerK_TruncatesAndRescores()
    {
        var fused = ReciprocalRankFusion.Fuse([Bm25, Dense], topK: 2, k: 0);

        Assert.Equal(2, fused.Count);
        Assert.Equal(1.0 + (1.0 / 2), fused[0].Score, 15);
    }

    [Fact]
    public void Fuse_RouteWeight_ScalesItsContribution()
    {
        var fused = ReciprocalRankFusion.Fuse([Bm25 with { Weight = 3 }, Dense], topK: 1);

        Assert.Equal("a", fused[0].ChunkId);
        Assert.Equal((3.0 / 61) + (1.0 / 63), fused[0].Score, 15);
    }
}
