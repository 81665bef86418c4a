using Chatbot.Knowledge.Indexing.Evaluation;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class RetrievalMetricsTests
{
    private static readonly HashSet<string> TwoRelevant = ["a", "b"];

    [Fact]
    public void RecallAt_HalfTheRelevantInTopK_IsHalf()
    {
        Assert.Equal(0.5, RetrievalMetrics.RecallAt(["x", "a", "y", "b"], TwoRelevant, 3));
        Assert.Equal(1.0, RetrievalMetrics.RecallAt(["x", "a", "y", "b"], TwoRelevant, 4));
    }

    [Fact]
    public void ReciprocalRankAt_FirstRelevantThird_IsOneThird()
    {
        Assert.Equal(1.0 / 3, RetrievalMetrics.ReciprocalRankAt(["x", "y", "b", "a"], TwoRelevant, 10), 12);
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRankAt(["x", "y", "b"], TwoRelevant, 2));
    }

    [Fact]
    public void NdcgAt_IdealRanking_IsOne()
    {
        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(["b", "a", "x"], TwoRelevant, 10), 12);
    }

    [Fact]
    public void NdcgAt_RelevantAtRanksTwoAndFour_DiscountsByLogRank()
    {
        var expected = (1 / Math.Log2(3) + 1 / Math.Log2(5)) / (1 + 1 / Math.Log2(3));

        Assert.Equal(expected, RetrievalMetrics.NdcgAt(["x", "a", "y", "b"], TwoRelevant, 10), 12);
    }

    [Fact]
    public void NdcgAt_MoreRelevantThanK_IdealHasOnlyKPositions()
    {
        HashSet<string> relevant = ["a", "b", "c"];

        Assert.Equal(1.0, RetrievalMetrics.NdcgAt(["a", "b"], relevant, 2), 12);
    }

    [Fact]
    public void NdcgAt_DuplicateOrMissing_CountsEachRelevantOnceAndZeroWithoutRelevant()
    {
        Assert.Equal(1 / (1 + 1 / Math.Log2(3)), RetrievalMetrics.NdcgAt(["a", "a"], TwoRelevant, 10), 12);
        Assert.Equal(0.0, RetrievalMetrics.NdcgAt(["x", "y"], TwoRelevant, 10));
        Assert.Equal(0.0, RetrievalMetrics.NdcgAt(["a"], new HashSet<string>(), 10));
    }
}
