using Chatbot.AI.Conversations;
using Xunit;

namespace Chatbot.AI.Tests.Conversations;

public sealed class TitlesTests
{
    [Fact]
    public void From_ShortMessage_ReturnsItWhole()
    {
        Assert.Equal("What is the refund policy?", Titles.From("What is the refund policy?", 60));
    }

    [Fact]
    public void From_WhitespaceRuns_FoldsThemToSingleSpaces()
    {
        Assert.Equal("Refund policy for damaged goods", Titles.From("  Refund \t policy   for damaged goods  ", 60));
    }

    [Fact]
    public void From_MultiLineMessage_UsesTheFirstNonEmptyLine()
    {
        Assert.Equal("Summarise this contract", Titles.From("\r\n  \r\nSummarise this contract\r\nClause 1: ...\nClause 2: ...", 60));
    }

    [Fact]
    public void From_LongMessage_CutsAtAWordBoundaryWithEllipsis()
    {
        var title = Titles.From("Please explain the travel expense rules for international trips in detail", 30);

        Assert.Equal("Please explain the travel…", title);
        Assert.True(title.Length <= 30);
    }

    [Fact]
    public void From_LongLineWithoutSpaces_CutsHardAtTheLimit()
    {
        var title = Titles.From("请详细解释一下公司关于国际出差的差旅费用报销规定以及需要提交的材料", 16);

        Assert.Equal(16, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        Assert.StartsWith("请详细解释一下", title, StringComparison.Ordinal);
    }

    [Fact]
    public void From_CutInsideSurrogatePair_KeepsThePairWhole()
    {
        var title = Titles.From("abcdefg😀xyz and more", 9);

        Assert.Equal("abcdefg…", title);
    }
}
