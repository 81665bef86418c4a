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

    public ILocator ErrorBanner => Page.GetByTestId("error-banner");

    public ILocator Title => Page.GetByTestId("conversation-title");

    /// <summary>Every message shown, oldest first (<c>data-role</c> user | assistant, <c>data-status</c>).</summary>
    public ILocator Messages => Page.GetByTestId("message");

    public ILocator LastAnswer => Page.Locator("[data-testid=message][data-role=assistant]").Last;

    /// <summary>Uncaught script errors of the page so far.</summary>
    public IReadOnlyList<string> PageErrors => _pageErrors;

    public static async Task<ChatPage> OpenAsync(WebUiFixture fixture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var chat = new ChatPage(context, page);
        await page.GotoAsync(fixture.Server.BaseAddress.ToString());
        return chat;
    }

    /// <summary>The sidebar row of the conversation titled <paramref name="title"/>.</summary>
    public ILocator Conversation(string title) =>
        Page.GetByTestId("conversation-item").Filter(new LocatorFilterOptions { Has = Page.GetByText(title, new PageGetByTextOptions { Exact = true }) });

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
