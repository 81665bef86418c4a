using Chatbot.Agents.Model;
using Chatbot.Conversations;
using Xunit;

namespace Chatbot.Agents.Tests.Model;

public sealed class ModelReasonerTests
{
    [Fact]
    public void ParseCheck_JsonInProse_ReadsConfidenceIssuesAndCorrections()
    {
        var check = ModelReasoner.ParseCheck(
            "Here you go: {\"confidence\": 0.42, \"issues\": [\"no source cited\"], \"corrections\": [\"cite the policy\"]} thanks", TokenUsage.Zero);

        Assert.Equal(0.42, check.Confidence);
        Assert.Equal(["no source cited"], check.Findings);
        Assert.Equal(["cite the policy"], check.Corrections);
    }

    [Theory]
    [InlineData("I think it is fine.")]
    [InlineData("{not json}")]
    public void ParseCheck_NoJson_HalfConfidenceAndNoCorrections(string reply)
    {
        var check = ModelReasoner.ParseCheck(reply, TokenUsage.Zero);

        Assert.Equal(0.5, check.Confidence);
        Assert.Empty(check.Corrections);
        Assert.Single(check.Findings);
    }

    [Fact]
    public void ParseCheck_ConfidenceOutOfRange_Clamped()
    {
        Assert.Equal(1, ModelReasoner.ParseCheck("{\"confidence\": 7}", TokenUsage.Zero).Confidence);
    }
}
