using System.Text;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Chatbot.EndToEnd.Tests.WebUi;

/// <summary>The knowledge view: upload documents, watch them indexed, then ask about them in chat.</summary>
public sealed class KnowledgePageTests(WebUiFixture fixture) : IClassFixture<WebUiFixture>
{
    [Fact]
    public async Task UploadDocument_IndexedThenAsked_AnswerQuotesFactAndCitesFile()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        const string fileName = "lab-access-e2e.txt";
        const string fact = "The Zephyr-7 badge opens the north greenhouse lab on Saturdays.";
        var text = $"Facilities handbook.\n\n{fact}\n\nVisitors sign in at the front desk.\n";

        await chat.OpenKnowledgeAsync();
        await Expect(chat.KnowledgeView).ToBeVisibleAsync();
        await Expect(chat.Title).ToHaveTextAsync("Knowledge");
        await Expect(chat.DatasetSelect).ToHaveValueAsync("default");
        await Expect(chat.KnowledgeStatus).ToHaveAttributeAsync("aria-live", "polite");

        await chat.UploadAsync(new FilePayload { Name = fileName, MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });

        var row = chat.KnowledgeDocument(fileName);
        await Expect(row).ToHaveAttributeAsync("data-state", "done");
        await Expect(row.GetByTestId("document-state")).ToHaveTextAsync("Done");
        await Expect(row.GetByTestId("document-chunks")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d*$"));
        await Expect(chat.KnowledgeStatus).ToContainTextAsync("indexed");
        await Expect(chat.KnowledgeProgress).ToHaveJSPropertyAsync("value", 1);
        await Expect(chat.ErrorBanner).ToBeHiddenAsync();
        await chat.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "chatbot-knowledge-view.png") });

        await chat.OpenChatAsync();
        await Expect(chat.KnowledgeView).ToBeHiddenAsync();
        await chat.SendAsync("Which badge opens the north greenhouse lab on Saturdays?");

        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToContainTextAsync(fact);
        await Expect(chat.LastAnswer.GetByTestId("citation").First).ToBeVisibleAsync();
        await Expect(chat.LastAnswer.GetByTestId("reference")).ToContainTextAsync(fileName);
        Assert.Empty(chat.PageErrors);
    }

    [Fact]
    public async Task Upload_UnsupportedType_ShowsProblemDetail_ThenDeleteRemovesDocument()
    {
        await using var chat = await ChatPage.OpenAsync(fixture);
        await chat.OpenKnowledgeAsync();
        await chat.Page.GetByLabel("New knowledge base").FillAsync("e2e-delete");
        await chat.Page.GetByTestId("dataset-new-add").ClickAsync();
        await Expect(chat.DatasetSelect).ToHaveValueAsync("e2e-delete");

        await chat.UploadAsync(new FilePayload { Name = "diagram.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47] });

        await Expect(chat.ErrorBanner).ToBeVisibleAsync();
        await Expect(chat.ErrorBanner).ToContainTextAsync("diagram.png");
        await Expect(chat.Page.GetByTestId("knowledge-document")).ToHaveCountAsync(0);

        await chat.Page.GetByTestId("error-banner").GetByLabel("Dismiss error").ClickAsync();
        await chat.UploadAsync(new FilePayload { Name = "remove-me.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Temporary note.") });
        var row = chat.KnowledgeDocument("remove-me.txt");
        await Expect(row).ToHaveAttributeAsync("data-state", "done");

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Delete document: remove-me.txt" }).ClickAsync();
        await Expect(chat.Page.GetByTestId("delete-dialog-title")).ToHaveTextAsync("Delete document?");
        await chat.Page.GetByTestId("delete-confirm").ClickAsync();

        await Expect(row).ToHaveCountAsync(0);
        await Expect(chat.ErrorBanner).ToBeHiddenAsync();
        Assert.Empty(chat.PageErrors);
    }
}
