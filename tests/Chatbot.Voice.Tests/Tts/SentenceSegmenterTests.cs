using System.Threading.Channels;
using Chatbot.Voice.Tts;
using Xunit;

namespace Chatbot.Voice.Tests.Tts;

public sealed class SentenceSegmenterTests
{
    [Fact]
    public void Push_TokenByToken_EmitsEachSentenceOnceTheNextWordBegins()
    {
        var segmenter = new SentenceSegmenter();
        string[] deltas = ["Our refund", " policy covers", " damaged goods.", " Contact", " us!", " Thanks"];

        var emitted = deltas.Select(d => segmenter.Push(d)).ToList();

        Assert.Empty(emitted[2]);
        Assert.Equal(["Our refund policy covers damaged goods."], emitted[3]);
        Assert.Equal(["Contact us!"], emitted[5]);
        Assert.Equal("Thanks", segmenter.Flush());
        Assert.Null(segmenter.Flush());
    }

    [Fact]
    public void Push_AbbreviationsDecimalsAndInitials_DoNotEndSentences()
    {
        var segmenter = new SentenceSegmenter();

        var sentences = segmenter.Push("Dr. Smith paid $3.50 on Jan. 5, e.g. by card, J. R. Doe said. Done. ");

        Assert.Equal(["Dr. Smith paid $3.50 on Jan. 5, e.g. by card, J. R. Doe said."], sentences);
        Assert.Equal("Done.", segmenter.Flush());
    }

    [Fact]
    public void Push_PeriodThenSpace_WaitsForTheNextWordToDecide()
    {
        var segmenter = new SentenceSegmenter();

        Assert.Empty(segmenter.Push("It costs 5 dollars. "));
        Assert.Empty(segmenter.Push("per month. "));
        Assert.Equal(["It costs 5 dollars. per month."], segmenter.Push("Thanks"));
        Assert.Equal(["Really?"], new SentenceSegmenter().Push("Really? "));
    }

    [Fact]
    public void Push_ChinesePunctuation_EndsSentencesWithoutSpaces()
    {
        var segmenter = new SentenceSegmenter();

        var sentences = segmenter.Push("您好。退款政策是什么？请稍等！好");

        Assert.Equal(["您好。", "退款政策是什么？", "请稍等！"], sentences);
        Assert.Equal("好", segmenter.Flush());
    }

    [Fact]
    public void Push_ClosingQuotesAndRepeatedMarks_StayWithTheSentence()
    {
        var segmenter = new SentenceSegmenter();

        Assert.Equal(["He said \"no way!?\"", "Then (he left.)"], segmenter.Push("He said \"no way!?\" Then (he left.) OK"));
    }

    [Fact]
    public void Push_LineBreaks_EndSentences()
    {
        Assert.Equal(["- first item", "- second item"], new SentenceSegmenter().Push("- first item\n- second item\n"));
    }

    [Fact]
    public void Push_LongTextWithoutAnEnd_IsCutAtACommaOrSpaceWithinMaxLength()
    {
        var segmenter = new SentenceSegmenter(maxLength: 40);

        var cut = segmenter.Push("this clause runs for a while, and then it keeps on going without any end");

        Assert.Equal(["this clause runs for a while,", "and then it keeps on going without any"], cut);
        Assert.Equal("end", segmenter.Flush());
        var atSpace = new SentenceSegmenter(maxLength: 20).Push("aaaa bbbb cccc dddd eeee ffff");
        Assert.Equal(["aaaa bbbb cccc dddd"], atSpace);
    }

    [Fact]
    public void Flush_PunctuationOnly_IsNotASentence()
    {
        var segmenter = new SentenceSegmenter();
        segmenter.Push("Hello. ");

        segmenter.Push("…");

        Assert.Null(segmenter.Flush());
    }

    [Fact]
    public async Task SplitAsync_YieldsTheFirstSentenceBeforeTheAnswerEnds()
    {
        var deltas = Channel.CreateUnbounded<string>();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var sentences = SentenceSegmenter.SplitAsync(deltas.Reader.ReadAllAsync(cancellationToken), cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);

        await deltas.Writer.WriteAsync("First sentence. Sec", cancellationToken);
        Assert.True(await sentences.MoveNextAsync());
        Assert.Equal("First sentence.", sentences.Current);

        await deltas.Writer.WriteAsync("ond one", cancellationToken);
        deltas.Writer.Complete();
        Assert.True(await sentences.MoveNextAsync());
        Assert.Equal("Second one", sentences.Current);
        Assert.False(await sentences.MoveNextAsync());
    }
}
