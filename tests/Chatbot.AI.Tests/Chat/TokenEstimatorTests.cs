using Chatbot.AI.Chat;
using Xunit;

namespace Chatbot.AI.Tests.Chat;

public sealed class TokenEstimatorTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("hello", 1)]
    [InlineData("Hello, world!", 4)]
    [InlineData("version 2.0", 4)]
    [InlineData("你好世界", 4)]
    [InlineData("你好，world", 4)]
    public void Count_Text_CountsWordsCjkCharactersAndPunctuation(string? text, int expected)
    {
        Assert.Equal(expected, TokenEstimator.Count(text));
    }

    [Theory]
    [InlineData('中', true)]
    [InlineData('あ', true)]
    [InlineData('，', true)]
    [InlineData('a', false)]
    [InlineData('é', false)]
    [InlineData(' ', false)]
    public void IsCjk_Character_RecognisesCjkScriptAndFullWidthForms(char c, bool expected)
    {
        Assert.Equal(expected, TokenEstimator.IsCjk(c));
    }
}
