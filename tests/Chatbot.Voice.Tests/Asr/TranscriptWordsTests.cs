using Chatbot.Voice.Asr;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

public sealed class TranscriptWordsTests
{
    [Fact]
    public void Split_LowercasesAndDropsPunctuationButKeepsInnerApostrophes()
    {
        Assert.Equal(["what's", "the", "refund", "policy", "for", "goods"], TranscriptWords.Split("What’s the REFUND-policy for 'goods'?"));
    }

    [Fact]
    public void Split_MixedScripts_MakesEachCjkCharacterAWord()
    {
        Assert.Equal(["订", "单", "order", "42"], TranscriptWords.Split("订单 order #42"));
    }
}
