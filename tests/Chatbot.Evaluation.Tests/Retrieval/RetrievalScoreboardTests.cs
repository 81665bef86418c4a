using Chatbot.Evaluation.Retrieval;
using Xunit;

namespace Chatbot.Evaluation.Tests.Retrieval;

public sealed class RetrievalScoreboardTests
{
    [Fact]
    public void Summarize_TwoQueries_AveragesEveryMetric()
    {
        var board = new RetrievalScoreboard();
        board.Add(["a", "b"], new HashSet<string> { "a", "b" }, TimeSpan.FromMilliseconds(2));
        board.Add(["x", "y", "z", "w", "v", "c"], new HashSet<string> { "c" }, TimeSpan.FromMilliseconds(4));

        var summary = board.Summarize();

        Assert.Equal(2, summary.Queries);
        Assert.Equal(0.5, summary.RecallAt5, 12);
        Assert.Equal(1.0, summary.RecallAt10, 12);
        Assert.Equal((1 + 1.0 / 6) / 2, summary.MrrAt10, 12);
        Assert.Equal((1 + 1 / Math.Log2(7)) / 2, summary.NdcgAt10, 12);
    }

    [Fact]
    public void Summarize_LatenciesOneToTwenty_NearestRankPercentiles()
    {
        var board = new RetrievalScoreboard();
        foreach (var ms in Enumerable.Range(1, 20).Reverse())
        {
            board.Add([], new HashSet<string> { "a" }, TimeSpan.FromMilliseconds(ms));
        }

        var summary = board.Summarize();

        Assert.Equal(10, summary.P50Ms, 9);
        Assert.Equal(19, summary.P95Ms, 9);
    }

    [Fact]
    public void Summarize_NoQueries_IsAllZeros()
    {
        Assert.Equal(new RetrievalScoreSummary(0, 0, 0, 0, 0, 0, 0), new RetrievalScoreboard().Summarize());
    }
}
