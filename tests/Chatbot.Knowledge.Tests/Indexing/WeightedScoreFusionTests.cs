using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Fusion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class WeightedScoreFusionTests
{
    private static RankedRoute Route(string name, double weight, params (string Id, double Score)[] hits) =>
        new(name, hits.Select(h => new ScoredChunk(h.Id, "doc-" + h.Id, h.Score)).ToList(), weight);

    [Fact]
    public void Fuse_SmallDenseWeight_OnlyBreaksNearTiesOfTheStrongRoute()
    {
        var bm25 = Route("bm25", 0.9, ("a", 10), ("b", 9.9), ("c", 5));
        var dense = Route("dense", 0.1, ("b", 0.9), ("c", 0.8), ("a", 0.1));

        var fused = WeightedScoreFusion.Fuse([bm25, dense], 3);

        // b (0.891 + 0.1) overtakes a (0.9 + 0.011), its near-tie; c stays behind both.
        Assert.Equal(["b", "a", "c"], fused.Select(f => f.ChunkId));
    }

    [Fact]
    public void Fuse_Scores_AreWeightedSumsOfScoresNormalisedByEachRoutesBest()
    {
        var fused = WeightedScoreFusion.Fuse([Route("bm25", 0.7, ("x", 4), ("y", 2)), Route("dense", 0.3, ("y", 0.5), ("x", 0.25))], 2);

        Assert.Equal(0.7 * 1 + 0.3 * 0.5, fused.Single(f => f.ChunkId == "x").Score, 12);
        Assert.Equal(0.7 * 0.5 + 0.3 * 1, fused.Single(f => f.ChunkId == "y").Score, 12);
        Assert.Equal(2, fused[0].Routes.Count);
        Assert.Equal(4, fused.Single(f => f.ChunkId == "x").Route("bm25")!.Score);
    }

    [Fact]
    public void Fuse_ChunkFoundByOneRoute_KeepsThatRouteOnlyAndTopKIsRespected()
    {
        var fused = WeightedScoreFusion.Fuse([Route("bm25", 0.5, ("a", 2), ("b", 1)), Route("dense", 0.5, ("c", 0.9))], 2);

        Assert.Equal(2, fused.Count);
        Assert.Null(fused.Single(f => f.ChunkId == "a").Route("dense"));
    }
}
