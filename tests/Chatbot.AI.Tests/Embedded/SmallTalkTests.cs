using Chatbot.AI.Providers.Embedded;
using Xunit;

namespace Chatbot.AI.Tests.Embedded;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hi")]
    [InlineData("  Hello there! ")]
    [InlineData("Good morning")]
    [InlineData("THANK YOU")]
    [InlineData("bye")]
    [InlineData("How are you?")]
    [InlineData("who are you")]
    public void Reply_EnglishSmallTalk_RepliesInEnglish(string text)
    {
        var reply = SmallTalk.Reply(text);

        Assert.NotNull(reply);
        Assert.DoesNotContain(reply, c => c is >= '\u4E00' and <= '\u9FFF');
    }

    [Theory]
    [InlineData("你好", "你好！")]
    [InlineData("您好！", "你好！")]
    [InlineData("谢谢你", "不客气！")]
    [InlineData("再见", "再见！")]
    [InlineData("你好吗？", "我很好")]
    [InlineData("你是谁", "我是")]
    public void Reply_ChineseSmallTalk_RepliesInChinese(string text, string expectedStart)
    {
        Assert.StartsWith(expectedStart, SmallTalk.Reply(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("history of the company")]
    [InlineData("hi, what is the refund policy for damaged goods?")]
    [InlineData("thanks, now tell me about the travel expense rules")]
    [InlineData("你好，请问公司的报销流程是什么")]
    [InlineData("What is Hello World?")]
    public void Reply_QuestionOrEmpty_ReturnsNull(string text)
    {
        Assert.Null(SmallTalk.Reply(text));
    }
}
