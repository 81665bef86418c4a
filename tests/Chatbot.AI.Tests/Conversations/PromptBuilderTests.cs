using Chatbot.AI.Conversations;
using Chatbot.Conversations;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.AI.Tests.Conversations;

public sealed class PromptBuilderTests
{
    [Fact]
    public void Build_History_PutsSystemPromptHistoryAndQuestionInOrder()
    {
        List<ChatTurnMessage> history = [new(ChatRoles.User, "Hi"), new(ChatRoles.Assistant, "Hello!")];

        var prompt = PromptBuilder.Build("Be brief.", history, 20, "What is the VPN address?");

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], prompt.Select(m => m.Role));
        Assert.Equal(["Be brief.", "Hi", "Hello!", "What is the VPN address?"], prompt.Select(m => m.Text));
    }

    [Fact]
    public void Build_HistoryLongerThanWindow_KeepsOnlyTheMostRecentMessages()
    {
        var history = Enumerable.Range(1, 50)
            .Select(i => new ChatTurnMessage(i % 2 == 1 ? ChatRoles.User : ChatRoles.Assistant, $"m{i}"))
            .ToList();

        var prompt = PromptBuilder.Build("sys", history, 4, "new question");

        Assert.Equal(["sys", "m47", "m48", "m49", "m50", "new question"], prompt.Select(m => m.Text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Build_NoSystemPrompt_StartsWithHistory(string? systemPrompt)
    {
        var prompt = PromptBuilder.Build(systemPrompt, [new(ChatRoles.User, "earlier")], 20, "now");

        Assert.Equal(["earlier", "now"], prompt.Select(m => m.Text));
    }

    [Fact]
    public void Build_ZeroContextMessages_SendsNoHistory()
    {
        var prompt = PromptBuilder.Build(null, [new(ChatRoles.User, "earlier")], 0, "now");

        Assert.Equal("now", Assert.Single(prompt).Text);
    }

    [Fact]
    public void Build_NegativeContextMessages_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PromptBuilder.Build(null, [], -1, "now"));
    }

    [Fact]
    public void FromStored_IncompleteAnswer_IsLeftOut()
    {
        StoredMessage[] stored =
        [
            Stored(ChatRoles.User, "Explain the pension plan", MessageStatus.Complete),
            Stored(ChatRoles.Assistant, "The pension plan is a defined contri", MessageStatus.Incomplete),
            Stored(ChatRoles.User, "Try again", MessageStatus.Complete),
            Stored(ChatRoles.Assistant, "It is a defined-contribution plan.", MessageStatus.Complete),
        ];

        var history = PromptBuilder.FromStored(stored);

        Assert.Equal(
            [
                new ChatTurnMessage(ChatRoles.User, "Explain the pension plan"),
                new ChatTurnMessage(ChatRoles.User, "Try again"),
                new ChatTurnMessage(ChatRoles.Assistant, "It is a defined-contribution plan."),
            ],
            history);
    }

    private static StoredMessage Stored(string role, string content, MessageStatus status) =>
        new() { Role = role, Content = content, RequestId = "r1", Status = status };
}
