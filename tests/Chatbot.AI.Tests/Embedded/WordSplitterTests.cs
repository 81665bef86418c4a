using Chatbot.AI.Providers.Embedded;
using Xunit;

namespace Chatbot.AI.Tests.Embedded;

public sealed class WordSplitterTests
{
    [Fact]
    public void Split_EnglishSentence_YieldsWordsWithTheirTrailingSpace()
    {
        Assert.Equal(["Hello! ", "I ", "answer ", "questions."], WordSplitter.Split("Hello! I answer questions."));
    }

    [Fact]
    public void Split_ChineseSentence_YieldsOneCharacterKeepingPunctuationWithIt()
    {
        Assert.Equal(["你", "好！", "我", "很", "好。"], WordSplitter.Split("你好！我很好。"));
    }

    [Fact]
    public void Split_MixedScript_SeparatesLatinWordsFromCjkCharacters()
    {
        Assert.Equal(["GPT", "模", "型 ", "is ", "ok"], WordSplitter.Split("GPT模型 is ok"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a  b   c")]
    [InlineData("  leading and trailing  ")]
    [InlineData("emoji 😀 stays whole")]
    [InlineData("我还没有可以用来回答这个问题的知识。请先把文档上传到知识库，然后再问一次。")]
    public void Split_AnyText_PiecesJoinBackToTheOriginal(string text)
    {
        var pieces = WordSplitter.Split(text).ToList();

        Assert.Equal(text, string.Concat(pieces));
        Assert.DoesNotContain("", pieces);
    }
}
