using Chatbot.Testing;
using Chatbot.Testing.Gateway;
using Microsoft.Playwright;
using Xunit;

namespace Chatbot.EndToEnd.Tests.WebUi;

/// <summary>
/// One platform server and one Debian Chromium shared by the web UI tests; each test opens its own browser context.
/// Answers stream slowly enough (50 ms a word) for a person, and the tests, to see them arrive and stop them.
/// </summary>
public sealed class WebUiFixture : IAsyncLifetime
{
    /// <summary>Longest message the server accepts in these tests.</summary>
    public const int MaxMessageChars = 200;

    /// <summary>Debian's Chromium (<c>scripts/install-test-deps.sh</c>); override with <c>CHATBOT_CHROMIUM</c>.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHATBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private GatewayHost? _server;

    public GatewayHost Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install the Debian package 'chromium' (bash scripts/install-test-deps.sh).");
        }

        _server = await GatewayHost.StartAsync(new Dictionary<string, string>
        {
            ["webroot"] = RepositoryPaths.GatewayWebRoot,
            ["Chatbot:Model:Embedded:WordDelayMs"] = "50",
            ["Chatbot:Conversations:MaxMessageChars"] = MaxMessageChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken: TestContext.Current.CancellationToken);

        // The machine may be busy building; waiting longer than Playwright's 5 s default costs nothing when all is well.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
