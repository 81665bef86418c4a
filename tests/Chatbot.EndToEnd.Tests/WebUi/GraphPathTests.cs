using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Chatbot.EndToEnd.Tests.WebUi;

/// <summary>A graph-grounded answer in the browser: with "Graph" ticked, the path the answer follows shows under it.</summary>
public sealed class GraphPathTests(WebUiFixture fixture) : IClassFixture<WebUiFixture>
{
    private static readonly (string File, string Text)[] s_documents =
    [
        ("e2e-lead.txt", "Alice Smith leads Project Falcon."),
        ("e2e-member.txt", "Alice Smith is a member of the Orion Group."),
        ("e2e-fund.txt", "The Orion Group is funded by the Helios Foundation."),
    ];

    [Fact]
    public async Task Ask_GraphTicked_AnswerNamesTheFunderAndShowsThePathWithItsSources()
    {
        await UploadAsync();
        await using var chat = await ChatPage.OpenAsync(fixture);

        await chat.Page.GetByTestId("graph-toggle").CheckAsync();
        await chat.SendAsync("Who funds the group of the person leading Project Falcon?");

        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-status", "complete");
        await Expect(chat.LastAnswer.GetByTestId("answer")).ToContainTextAsync("Helios Foundation");
        var path = chat.LastAnswer.GetByTestId("graph-path");
        await Expect(path).ToBeVisibleAsync();
        await Expect(path).ToContainTextAsync("Project Falcon → Alice Smith → Orion Group → Helios Foundation");
        await Expect(path.Locator("a.citation")).ToHaveCountAsync(3);
        await chat.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "chatbot-graph-path.png") });
        Assert.Empty(chat.PageErrors);
    }

    private async Task UploadAsync()
    {
        var client = fixture.Server.Client;
        using var form = new MultipartFormDataContent();
        foreach (var (file, text) in s_documents)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new("text/plain") } }, "files", file);
        }

        using var upload = await client.PostAsync("api/v1/knowledge/upload", form, TestContext.Current.CancellationToken);
        Assert.Equal(202, (int)upload.StatusCode);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while ((await client.GetFromJsonAsync<JsonElement>("api/v1/knowledge/status/default", timeout.Token)).GetProperty("in_progress").GetInt32() > 0)
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
