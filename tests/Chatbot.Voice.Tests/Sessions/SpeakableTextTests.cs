using Chatbot.Voice.Sessions;
using Xunit;

namespace Chatbot.Voice.Tests.Sessions;

public sealed class SpeakableTextTests
{
    [Theory]
    [InlineData("Refunds take thirty days [1].", "Refunds take thirty days.")]
    [InlineData("Shipping is **free** over `50` dollars [2, 3].", "Shipping is free over 50 dollars.")]
    [InlineData("## Returns", "Returns")]
    [InlineData("- Open the [account page](https://example.com/account) first.", "Open the account page first.")]
    [InlineData("退款需要三十天 [1]。", "退款需要三十天。")]
    [InlineData("[1]", "")]
    [InlineData("***", "")]
    public void From_AnswerSentence_KeepsOnlyWhatShouldBeSpoken(string sentence, string expected) =>
        Assert.Equal(expected, SpeakableText.From(sentence));
}
