using Chatbot.Agents.Planning;
using Xunit;

namespace Chatbot.Agents.Tests.Planning;

public sealed class MathExpressionsTests
{
    [Theory]
    [InlineData("what is 17% of 2,340?", "17% of 2,340")]
    [InlineData("What is (3 + 4) * 2^3", "(3 + 4) * 2^3")]
    [InlineData("what's 5 plus 3 times 2", "5 + 3 * 2")]
    [InlineData("compute sqrt(2) / 2 please", "sqrt(2) / 2")]
    [InlineData("how much is 12 percent of 250", "12% of 250")]
    [InlineData("7 x 6", "7 * 6")]
    [InlineData("max(3, 7.5)", "max(3, 7.5)")]
    public void Find_ArithmeticInASentence_ReturnsTheExpression(string text, string expected)
    {
        Assert.Equal(expected, MathExpressions.Find(text));
    }

    [Theory]
    [InlineData("compute the refund for a 120 EUR order")]
    [InlineData("In 2023 we sold drills")]
    [InlineData("look up our refund policy")]
    [InlineData("the X200 drill")]
    public void Find_NoOperation_ReturnsNull(string text)
    {
        Assert.Null(MathExpressions.Find(text));
    }
}
