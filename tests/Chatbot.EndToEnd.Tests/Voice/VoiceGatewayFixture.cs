using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Xunit;

namespace Chatbot.EndToEnd.Tests.Voice;

/// <summary>
/// The whole platform on a real Kestrel port (the embedded answerer, espeak-ng and pocketsphinx), with a support
/// knowledge base uploaded through the API and indexed: the tenant's domain for recognition and the source of answers.
/// </summary>
public sealed class VoiceGatewayFixture : IAsyncLifetime
{
    /// <summary>The knowledge base, as a Markdown document.</summary>
    public const string Document = """
        # Customer support

        ## Refunds
        Our refund policy covers damaged goods for thirty days after delivery. To request a refund, contact customer
        service with your order number.

        ## Shipping
        Shipping is free for orders over fifty dollars. You can track your package on the orders page of your account.

        ## Returns
        We accept returns of unopened items. Damaged goods are replaced at no cost.

        ## Accounts
        To reset your password, open the account page and choose forgot password. A reset link is sent to your email
        address. Customer service is open from nine to five on weekdays. You can cancel an order before it ships.
        """;

    private GatewayHost? _server;

    public GatewayHost Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _server = await GatewayHost.StartAsync(cancellationToken: cancellationToken);
        using var form = new MultipartFormDataContent { { new StringContent(Document), "files", "support.md" } };
        (await Server.Client.PostAsync("api/v1/knowledge/upload", form, cancellationToken)).EnsureSuccessStatusCode();
        while (true)
        {
            var status = await Server.Client.GetFromJsonAsync<JsonElement>("api/v1/knowledge/status/default", cancellationToken);
            if (status.GetProperty("done").GetInt32() == 1)
            {
                return;
            }

            if (status.GetProperty("failed").GetInt32() > 0)
            {
                throw new InvalidOperationException("The support document failed to index: " + status);
            }

            await Task.Delay(100, cancellationToken); // the index job runs on its own; only its status shows progress
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
