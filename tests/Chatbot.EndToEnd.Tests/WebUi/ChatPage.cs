using Microsoft.Playwright;

namespace Chatbot.EndToEnd.Tests.WebUi;

/// <summary>The chat page in its own browser context, by the ids and <c>data-testid</c>s the UI promises to keep.</summary>
internal sealed class ChatPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _pageErrors = [];

    private ChatPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public IPage Page { get; }

    public ILocator Input => Page.GetByTestId("composer-input");

    public ILocator SendButton => Page.GetByTestId("send-button");

    public ILocator StopButton => Page.GetByTestId("stop-button");

    public ILocator MicButton => Page.GetByTestId("mic-button");

    public ILocator VoiceStatus => Page.GetByTestId("voice-status");

    public ILocator ErrorBanner => Page.GetByTestId("error-banner");

    public ILocator Title => Page.GetByTestId("conversation-title");

    /// <summary>Every message shown, oldest first (<c>data-role</c> user | assistant, <c>data-status</c>).</summary>
    public ILocator Messages => Page.GetByTestId("message");

    public ILocator LastAnswer => Page.Locator("[data-testid=message][data-role=assistant]").Last;

    /// <summary>Uncaught script errors of the page so far.</summary>
    public IReadOnlyList<string> PageErrors => _pageErrors;

    public static Task<ChatPage> OpenAsync(WebUiFixture fixture) => OpenAsync(fixture.Browser, fixture.Server.BaseAddress);

    public static async Task<ChatPage> OpenAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var chat = new ChatPage(context, page);
        await page.GotoAsync(address.ToString());
        return chat;
    }

    /// <summary>The sidebar row of the conversation titled <paramref name="title"/>.</summary>
    public ILocator Conversation(string title) =>
        Page.GetByTestId("conversation-item").Filter(new LocatorFilterOptions { Has = Page.GetByText(title, new PageGetByTextOptions { Exact = true }) });

    // ---- the knowledge view ----

    public ILocator KnowledgeView => Page.GetByTestId("knowledge-view");

    public ILocator DatasetSelect => Page.GetByTestId("dataset-select");

    public ILocator KnowledgeFiles => Page.GetByTestId("knowledge-files");

    public ILocator KnowledgeStatus => Page.GetByTestId("knowledge-status");

    public ILocator KnowledgeProgress => Page.GetByTestId("knowledge-progress");

    /// <summary>Opens the knowledge view from the sidebar.</summary>
    public Task OpenKnowledgeAsync() => Page.GetByTestId("nav-knowledge").ClickAsync();

    /// <summary>Back to chat from the sidebar.</summary>
    public Task OpenChatAsync() => Page.GetByTestId("nav-chat").ClickAsync();

    /// <summary>The knowledge view's row of the document uploaded as <paramref name="fileName"/> (<c>data-state</c> pending | indexing | done | failed).</summary>
    public ILocator KnowledgeDocument(string fileName) =>
        Page.GetByTestId("knowledge-document").Filter(new LocatorFilterOptions
        {
            Has = Page.GetByTestId("document-name").GetByText(fileName, new LocatorGetByTextOptions { Exact = true }),
        });

    /// <summary>Uploads in-memory files to the chosen dataset.</summary>
    public async Task UploadAsync(params FilePayload[] files)
    {
        await KnowledgeFiles.SetInputFilesAsync(files);
        await Page.GetByTestId("knowledge-upload").ClickAsync();
    }

    public async Task SendAsync(string text)
    {
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
    }

    /// <summary>From now on, records every text the answer being written shows before it is finished.</summary>
    public Task RecordStreamingTextAsync() => Page.EvaluateAsync("""
        () => {
          window.__streamed = [];
          new MutationObserver(() => {
            const answer = document.querySelector('[data-role=assistant][data-status=streaming] [data-testid=answer]');
            const text = answer?.textContent.trim();
            if (text) window.__streamed.push(text);
          }).observe(document.getElementById('message-list'), { subtree: true, childList: true, characterData: true });
        }
        """);

    /// <summary>The texts recorded since <see cref="RecordStreamingTextAsync"/>.</summary>
    public Task<string[]> StreamedTextsAsync() => Page.EvaluateAsync<string[]>("() => window.__streamed");

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
