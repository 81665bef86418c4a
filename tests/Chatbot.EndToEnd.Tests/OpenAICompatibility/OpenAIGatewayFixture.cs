using Chatbot.Testing.Gateway;
using Xunit;

namespace Chatbot.EndToEnd.Tests.OpenAICompatibility;

/// <summary>A platform server that accepts the bearer tokens of <see cref="TestTokens"/>, as OpenAI clients send their API key.</summary>
public sealed class OpenAIGatewayFixture : IAsyncLifetime
{
    private GatewayHost? _server;

    public GatewayHost Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync() =>
        _server = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
