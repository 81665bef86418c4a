using Chatbot.Agents.Memory;
using Xunit;

namespace Chatbot.Agents.Tests.Memory;

public sealed class FactExtractorTests
{
    [Theory]
    [InlineData("My name is Ana and I work at Contoso.", "My name is Ana and I work at Contoso")]
    [InlineData("Remember that our fiscal year starts in April.", "our fiscal year starts in April")]
    [InlineData("I prefer answers in French", "I prefer answers in French")]
    [InlineData("请记住：我们的财年从四月开始。", "我们的财年从四月开始")]
    [InlineData("我叫李雷。", "我叫李雷")]
    public void Extract_StatedFact_ReturnsIt(string text, string fact)
    {
        Assert.Equal([fact], FactExtractor.Extract(text));
    }

    [Theory]
    [InlineData("What is my name?")]
    [InlineData("How long is the warranty?")]
    [InlineData("The drill costs 120 EUR.")]
    public void Extract_QuestionOrNoStatement_ReturnsNothing(string text)
    {
        Assert.Empty(FactExtractor.Extract(text));
    }

    [Fact]
    public void Extract_SeveralSentences_EachFactOnceInOrder()
    {
        var facts = FactExtractor.Extract("I live in Porto. What's the weather? I live in Porto. My team is the platform team.");

        Assert.Equal(["I live in Porto", "My team is the platform team"], facts);
    }
}
