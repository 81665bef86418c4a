using Chatbot.Safety.Guards;
using Chatbot.Safety.Toxicity;
using Xunit;

namespace Chatbot.Safety.Tests.Toxicity;

public sealed class ToxicityScorerTests
{
    private readonly ToxicityScorer _scorer = new();

    [Theory]
    [InlineData("You are an idiot.", GuardKinds.Insult)]
    [InlineData("you're such a worthless piece of garbage", GuardKinds.Insult)]
    [InlineData("I will kill you.", GuardKinds.Threat)]
    [InlineData("Just kill yourself.", GuardKinds.Threat)]
    [InlineData("你这个傻逼", GuardKinds.Insult)]
    [InlineData("我要杀了你", GuardKinds.Threat)]
    [InlineData("你就是个废物！", GuardKinds.Insult)]
    public void Score_ToxicText_ReachesTheDefaultThreshold(string text, string kind)
    {
        var (score, findings) = _scorer.Score(text);

        Assert.True(score >= 0.7, $"score {score}");
        Assert.Contains(findings, f => f.Kind == kind);
    }

    [Theory]
    [InlineData("How do I kill the process that holds port 8080?")]
    [InlineData("This bug is killing me.")]
    [InlineData("Damn, I missed the bus.")]
    [InlineData("垃圾分类有哪些规则？")]
    [InlineData("有什么废物利用的好点子？")]
    [InlineData("The flame retardant coating is dry.")]
    [InlineData("Shut down the server at midnight.")]
    public void Score_OrdinaryText_StaysBelowTheDefaultThreshold(string text) =>
        Assert.True(_scorer.Score(text).Score < 0.7, $"'{text}' scored {_scorer.Score(text).Score}");
}
