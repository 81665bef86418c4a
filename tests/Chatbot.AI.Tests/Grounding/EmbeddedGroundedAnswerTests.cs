using Chatbot.AI.Chat;
using Chatbot.AI.Grounding;
using Chatbot.AI.Providers.Embedded;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.AI.Tests.Grounding;

public sealed class EmbeddedGroundedAnswerTests
{
    private static readonly EmbeddedChatClient Client = new(new EmbeddedModelOptions { WordDelayMs = 0 }, TimeProvider.System);

    private static async Task<(string Text, bool Unanswered)> AskAsync(string question, params GroundingSource[] sources)
    {
        var options = new ChatOptions();
        var prompt = new List<ChatMessage> { new(ChatRole.User, question) };
        GroundingContext.Attach(prompt, options, sources);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Client.GetStreamingResponseAsync(prompt, options, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        return (string.Concat(updates.Select(u => u.Text)), updates.Any(GroundingContext.IsUnanswered));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SourcesAnswerTheQuestion_QuotesAndCites()
    {
        var (text, unanswered) = await AskAsync("What is the warranty period of the X200 drill?",
            new GroundingSource(1, "x200.md", "", "The X200 drill has a warranty period of 3 years. It weighs 2 kg.", 1));

        Assert.Equal("The X200 drill has a warranty period of 3 years. [1]", text);
        Assert.False(unanswered);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SourcesDoNotAnswer_SaysItDoesNotKnowAndFlagsUnanswered()
    {
        var (text, unanswered) = await AskAsync("Who founded the company?",
            new GroundingSource(1, "x200.md", "", "The X200 drill has a warranty period of 3 years.", 1));

        Assert.Equal(EmbeddedChatClient.UnansweredEnglish, text);
        Assert.True(unanswered);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SmallTalkWithSources_StillAnswersBriefly()
    {
        var (text, unanswered) = await AskAsync("thanks", new GroundingSource(1, "x200.md", "", "Anything.", 1));

        Assert.Equal("You're welcome!", text);
        Assert.False(unanswered);
    }
}
