using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Chatbot.EndToEnd.Tests.WebUi;

/// <summary>The web UI in Debian's Chromium against the whole platform on a real port, as a person uses it.</summary>
public sealed class ChatPageTests(WebUiFixture fixture) : IClassFixture<WebUiFixture>
{
    private const string Greeting = "Hello! I answer questions from your organisation's knowledge bases. What would you like to know?";
    private const string NoKnowledge = "I don't have any knowledge to answer that from yet. Upload documents to a knowledge base and ask again.";

    [Fact]
    public async Task SendMessage_Greeting_StreamsAnswerAndKeepsHistoryAfterReload()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        await chat.RecordStreamingTextAsync();

        await chat.SendAsync("hello");

        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToHaveTextAsync(Greeting);
        var streamed = await chat.StreamedTextsAsync();
        Assert.Contains(streamed, text => text.Length < Greeting.Length && Greeting.StartsWith(text, StringComparison.Ordinal));
        await Expect(chat.Conversation("hello")).ToBeVisibleAsync();
        await Expect(chat.Title).ToHaveTextAsync("hello");

        await chat.Page.ReloadAsync();
        await Expect(chat.Messages).ToHaveCountAsync(0);
        await chat.Conversation("hello").GetByTestId("conversation-open").ClickAsync();

        await Expect(chat.Messages).ToHaveCountAsync(2);
        await Expect(chat.Messages.First).ToHaveAttributeAsync("data-role", "user");
        await Expect(chat.Messages.First).ToHaveTextAsync("hello");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToHaveTextAsync(Greeting);
        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(chat.Title).ToHaveTextAsync("hello");
        Assert.Empty(chat.PageErrors);
    }

    [Fact]
    public async Task SendMessage_QuestionWithoutKnowledge_SaysItDoesNotKnowWithStopWhileStreaming()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);

        await chat.SendAsync("What is our travel expense policy?");

        await Expect(chat.StopButton).ToBeVisibleAsync();
        await Expect(chat.SendButton).ToBeDisabledAsync();
        await Expect(chat.Page.GetByLabel("Message", new PageGetByLabelOptions { Exact = true })).ToBeFocusedAsync();
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToHaveTextAsync(NoKnowledge);
        await Expect(chat.StopButton).ToBeHiddenAsync();
        await Expect(chat.SendButton).ToBeEnabledAsync();
        await Expect(chat.ErrorBanner).ToBeHiddenAsync();
        Assert.Empty(chat.PageErrors);
    }

    [Fact]
    public async Task Stop_WhileStreaming_KeepsPartialAnswerMarkedStopped()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);

        await chat.SendAsync("Summarise the quarterly report");
        await chat.StopButton.ClickAsync();

        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "stopped");
        await Expect(chat.StopButton).ToBeHiddenAsync();
        var shown = await chat.LastAnswer.GetByTestId("answer").TextContentAsync();
        Assert.StartsWith(shown!.Trim(), NoKnowledge, StringComparison.Ordinal);
        Assert.NotEqual(NoKnowledge, shown.Trim());

        await chat.Page.ReloadAsync();
        await chat.Conversation("Summarise the quarterly report").GetByTestId("conversation-open").ClickAsync();
        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "stopped");
        await Expect(chat.LastAnswer.GetByTestId("message-status")).ToHaveTextAsync("Stopped before the answer was finished.");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToHaveTextAsync(shown.Trim());
        Assert.Empty(chat.PageErrors);
    }

    [Fact]
    public async Task SendMessage_OverLengthLimit_ShowsProblemDetailAndKeepsText()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        var tooLong = new string('x', WebUiFixture.MaxMessageChars + 1);

        await chat.SendAsync(tooLong);

        await Expect(chat.ErrorBanner).ToBeVisibleAsync();
        await Expect(chat.ErrorBanner).ToContainTextAsync($"longer than {WebUiFixture.MaxMessageChars} characters");
        await Expect(chat.Messages).ToHaveCountAsync(1);
        await Expect(chat.Messages.First).ToHaveAttributeAsync("data-status", "error");
        await Expect(chat.Input).ToHaveValueAsync(tooLong);
        await Expect(chat.SendButton).ToBeEnabledAsync();
        Assert.Empty(chat.PageErrors);
    }

    [Fact]
    public async Task DeleteConversation_Confirmed_RemovesItFromSidebarAndServer()
    {
        var ct = TestContext.Current.CancellationToken;
        var http = fixture.Server.Client;
        var created = await http.PostAsJsonAsync("api/v1/chat/stream", new
        {
            conversation_id = "c_e2e_delete",
            messages = new[] { new { role = "user", content = "Please forget this conversation" } },
            stream = false,
        }, ct);
        created.EnsureSuccessStatusCode();
        await using var chat = await ChatPage.OpenAsync(fixture);
        var row = chat.Conversation("Please forget this conversation");

        await row.GetByTestId("conversation-delete").ClickAsync();
        await chat.Page.GetByTestId("delete-confirm").ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(chat.Page.GetByTestId("delete-dialog")).ToBeHiddenAsync();
        using var gone = await http.GetAsync("api/v1/conversations/c_e2e_delete", ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(chat.PageErrors);
    }
}
