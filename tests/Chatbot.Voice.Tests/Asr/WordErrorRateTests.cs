using Chatbot.Voice.Asr;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

public sealed class WordErrorRateTests
{
    [Theory]
    [InlineData("what is the refund policy", "What is the refund policy?", 0, 5)]
    [InlineData("what is the refund policy", "what is a refund policy", 1, 5)]
    [InlineData("what is the refund policy", "what is refund policy", 1, 5)]
    [InlineData("what is the refund policy", "so what is the refund policy now", 2, 5)]
    [InlineData("where is my order", "", 4, 4)]
    [InlineData("", "", 0, 0)]
    public void Measure_CountsSubstitutionsDeletionsAndInsertions(string reference, string hypothesis, int errors, int words)
    {
        var wer = WordErrorRate.Measure(reference, hypothesis);

        Assert.Equal(errors, wer.Errors);
        Assert.Equal(words, wer.ReferenceWords);
    }

    [Fact]
    public void Addition_PoolsCountsAcrossUtterances()
    {
        var total = WordErrorRate.Measure("a b c d", "a b c x") + WordErrorRate.Measure("e f", "e f");

        Assert.Equal(new WordErrorRate(1, 6), total);
        Assert.Equal(1 / 6.0, total.Rate, 6);
    }

    [Fact]
    public void Measure_Chinese_CountsCharacters()
    {
        Assert.Equal(new WordErrorRate(1, 7), WordErrorRate.Measure("退款政策是什么？", "退货政策是什么"));
    }
}
