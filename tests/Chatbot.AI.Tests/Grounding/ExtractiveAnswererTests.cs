using Chatbot.AI.Grounding;
using Xunit;

namespace Chatbot.AI.Tests.Grounding;

public sealed class ExtractiveAnswererTests
{
    private static readonly GroundingSource Refunds = new(1, "refund-policy.md", "Billing > Refunds",
        "Monthly plans are not refundable. Annual plans can be refunded within 30 days of purchase. Contact billing to start.", 0.9);

    private static readonly GroundingSource Offices = new(2, "offices.txt", "",
        "Our headquarters are in Lisbon. The Shenzhen office opened in 2021.", 0.4);

    [Fact]
    public void Answer_QuestionCoveredBySource_QuotesTheBestSentenceWithItsCitation()
    {
        var answer = ExtractiveAnswerer.Answer("How long is the refund window for annual plans?", [Refunds, Offices]);

        Assert.Equal("Annual plans can be refunded within 30 days of purchase. [1]", answer);
    }

    [Fact]
    public void Answer_RareTermDecides_PicksTheSentenceWithTheDistinctiveWord()
    {
        var answer = ExtractiveAnswerer.Answer("When did the Shenzhen office open?", [Refunds, Offices]);

        Assert.Equal("The Shenzhen office opened in 2021. [2]", answer);
    }

    [Fact]
    public void Answer_ChineseQuestion_QuotesTheChineseSentence()
    {
        var source = new GroundingSource(1, "退款政策.md", "", "月度套餐不可退款。年度套餐的退款期限为购买后三十天。", 1);

        var answer = ExtractiveAnswerer.Answer("年度套餐的退款期限是多久？", [source]);

        Assert.Equal("年度套餐的退款期限为购买后三十天。 [1]", answer);
    }

    [Fact]
    public void Answer_NothingCoversTheQuestion_ReturnsNull()
    {
        Assert.Null(ExtractiveAnswerer.Answer("What is the CEO's favourite colour?", [Refunds, Offices]));
    }

    [Fact]
    public void Answer_NoSources_ReturnsNull()
    {
        Assert.Null(ExtractiveAnswerer.Answer("How long is the refund window?", []));
    }

    [Fact]
    public void Answer_AnySource_NeverReturnsTextThatIsNotInASource()
    {
        var questions = new[] { "refund annual", "headquarters", "Shenzhen 2021", "billing contact", "monthly plans" };

        foreach (var question in questions)
        {
            var answer = ExtractiveAnswerer.Answer(question, [Refunds, Offices]);
            if (answer is not null)
            {
                var quoted = answer[..answer.LastIndexOf(" [", StringComparison.Ordinal)];
                Assert.True(Refunds.Text.Contains(quoted, StringComparison.Ordinal) || Offices.Text.Contains(quoted, StringComparison.Ordinal), answer);
            }
        }
    }
}
