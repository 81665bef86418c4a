using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Evaluation;
using Xunit;

namespace Chatbot.Knowledge.Tests.Indexing;

public sealed class AnalyzerComparisonTests
{
    private static readonly EvaluationDocument[] Corpus =
    [
        new("d1", "公司的年假政策：员工每年享有十五天带薪年假，需提前两周申请。"),
        new("d2", "报销流程：出差费用须在三十天内提交发票，由部门经理审批。"),
        new("d3", "信息安全规定：密码每九十天更换一次，不得与他人共享账户。"),
        new("d4", "办公室位于上海市浦东新区，地铁二号线可直达。"),
        new("d5", "新员工入职第一周需要完成安全培训和 VPN 配置。"),
        new("d6", "公司食堂每天提供午餐，周五有水果供应。"),
    ];

    private static readonly EvaluationQuery[] Queries =
    [
        new("q1", "年假有多少天？", new HashSet<string> { "d1" }),
        new("q2", "出差发票多久内提交？", new HashSet<string> { "d2" }),
        new("q3", "密码多久更换？", new HashSet<string> { "d3" }),
        new("q4", "办公室在哪里，坐地铁几号线？", new HashSet<string> { "d4" }),
        new("q5", "VPN 配置什么时候完成？", new HashSet<string> { "d5" }),
        new("q6", "食堂周五供应什么？", new HashSet<string> { "d6" }),
    ];

    [Fact]
    public void Compare_SyntheticChineseCorpus_BothAnalyzersFindEveryAnswer()
    {
        using var bigram = new MixedScriptAnalyzer(new TextAnalysisOptions { Chinese = ChineseSegmentation.Bigram });
        using var smartCn = new MixedScriptAnalyzer(new TextAnalysisOptions { Chinese = ChineseSegmentation.SmartCn });

        var scores = AnalyzerComparison.Compare([bigram, smartCn], Corpus, Queries, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["bigram", "smartcn"], scores.Select(s => s.Name));
        Assert.All(scores, s =>
        {
            Assert.Equal(6, s.Queries);
            Assert.Equal(1.0, s.RecallAt10);
            Assert.InRange(s.MrrAt10, 0.8, 1.0);
        });
    }

    [Fact]
    public void Evaluate_ChunkedCorpus_JudgesRelevanceOnDocuments()
    {
        using var analyzer = new MixedScriptAnalyzer(new TextAnalysisOptions { Chinese = ChineseSegmentation.Bigram });
        EvaluationDocument[] chunks =
        [
            new("d1#0", "公司的年假政策", "d1"),
            new("d1#1", "员工每年享有十五天带薪年假", "d1"),
            new("d6#0", "公司食堂每天提供午餐", "d6"),
        ];

        var score = AnalyzerComparison.Evaluate(analyzer, chunks, [Queries[0]], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1.0, score.RecallAt5);
        Assert.Equal(1.0, score.MrrAt10);
    }

    [Fact]
    public void RetrievalMetrics_KnownRanking_ComputesRecallAndReciprocalRank()
    {
        IReadOnlyList<string> ranked = ["x", "a", "y", "b"];
        var relevant = new HashSet<string> { "a", "b", "c" };

        Assert.Equal(1.0 / 3, RetrievalMetrics.RecallAt(ranked, relevant, 2), 12);
        Assert.Equal(2.0 / 3, RetrievalMetrics.RecallAt(ranked, relevant, 10), 12);
        Assert.Equal(0.5, RetrievalMetrics.ReciprocalRankAt(ranked, relevant, 10), 12);
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRankAt(ranked, relevant, 1), 12);
    }
}
