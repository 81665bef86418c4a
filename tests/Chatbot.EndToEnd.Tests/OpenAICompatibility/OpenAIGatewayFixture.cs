using Chatbot.Testing.Gateway;
using Xunit;

namespace Chatbot.EndToEnd.Tests.OpenAICompatibility;

/// <summary>A platform server that accepts the bearer tokens of <see cref="TestTokens"/>, as OpenAI clients send their API key.</summary>
public sealed class OpenAIGatewayFixture : IAsyncLifetime
{
    private GatewayServer? _server;

    public GatewayServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync() =>
        _server = await GatewayServer.StartAsync(new Dictionary<string, string>
        {
            ["Chatbot:Auth:AllowAnonymous"] = "false",
            ["Chatbot:Auth:SigningKey"] = TestTokens.SigningKey,
            ["Chatbot:Model:Embedded:WordDelayMs"] = "0",
        }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
