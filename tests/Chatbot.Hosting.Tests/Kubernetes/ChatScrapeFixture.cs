using System.Net.Http.Json;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Telemetry;

namespace Chatbot.Hosting.Tests.Kubernetes;

/// <summary>A real gateway that answered one chat turn, and a Prometheus scrape of it taken afterwards.</summary>
public sealed class ChatScrapeFixture : IAsyncLifetime
{
    private PrometheusScrape? _scrape;

    /// <summary>The scrape.</summary>
    public PrometheusScrape Scrape => _scrape ?? throw new InvalidOperationException("Not scraped yet.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var gateway = await GatewayHost.StartAsync(cancellationToken: cancellationToken);
        using var answer = await gateway.Client.PostAsJsonAsync("api/v1/chat/stream", new
        {
            conversation_id = "dashboards",
            stream = false,
            messages = new[] { new { role = "user", content = "hello" } },
        }, cancellationToken);
        answer.EnsureSuccessStatusCode();
        _scrape = await PrometheusScrape.GetAsync(gateway.Client, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
