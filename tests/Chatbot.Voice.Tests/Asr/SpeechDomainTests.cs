using Chatbot.Voice.Asr;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

public sealed class SpeechDomainTests
{
    [Fact]
    public void FromTexts_SplitsSentencesAndNormalizesWords()
    {
        var domain = SpeechDomain.FromTexts(["Refunds take 5 days. Damaged goods?\nCall us!", "  "]);

        Assert.Equal([["refunds", "take", "5", "days"], ["damaged", "goods"], ["call", "us"]], domain.Sentences);
        Assert.Equal(8, domain.Vocabulary.Count);
    }

    [Fact]
    public void Id_DependsOnlyOnTheNormalizedText()
    {
        var a = SpeechDomain.FromTexts(["Damaged goods. Refund policy."]);
        var b = SpeechDomain.FromTexts(["damaged GOODS", "refund policy"]);
        var c = SpeechDomain.FromTexts(["refund policy. damaged goods."]);

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Matches("^[0-9a-f]{16}$", a.Id);
    }

    [Fact]
    public void FromTexts_MaxWords_KeepsTheFirstWholeSentences()
    {
        var domain = SpeechDomain.FromTexts(["one two three. four five. six seven eight."], maxWords: 5);

        Assert.Equal(2, domain.Sentences.Count);
    }
}
