using System.Net.WebSockets;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Voice;
using Chatbot.Voice;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Voice;

/// <summary>The voice WebSocket when tokens are required, and with a short idle timeout.</summary>
public sealed class VoiceSocketLimitsTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Connect_WithoutAToken_IsRefusedAsTheApiIs()
    {
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => VoiceClient.ConnectAsync(_host.BaseAddress, cancellationToken: Ct));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_TokenInHeaderOrQuery_SpeaksInTheTokensTenant()
    {
        var token = TestTokens.For("tenant-voice");
        await using var header = await VoiceClient.ConnectAsync(_host.BaseAddress, bearer: token, cancellationToken: Ct);
        await using var query = await VoiceClient.ConnectAsync(_host.BaseAddress, accessToken: token, cancellationToken: Ct);

        var ready = await query.StartAsync("c-tenant-2", "pcm16", 16_000, cancellationToken: Ct);
        await header.StartAsync("c-tenant", "pcm16", 16_000, cancellationToken: Ct);
        await header.SendJsonAsync(new { type = "text", text = "hello" }, Ct);
        await header.WaitForAsync(VoiceEventTypes.Done, Ct);

        Assert.Equal(VoiceEventTypes.Ready, ready.Type);
        var mine = await GetJsonAsync(_host.Client, "api/v1/conversations/c-tenant", token);
        Assert.Equal("hello", mine.GetProperty("messages")[0].GetProperty("content").GetString());
        using var theirs = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations/c-tenant", token: TestTokens.For("tenant-other")), Ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task IdleClient_GetsAnErrorAndACleanCloseWithTheReason()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string> { ["Chatbot:Voice:Stream:IdleTimeoutSeconds"] = "1" }, cancellationToken: Ct);
        await using var client = await VoiceClient.ConnectAsync(host.BaseAddress, cancellationToken: Ct);
        await client.StartAsync("c-idle", "pcm16", 16_000, cancellationToken: Ct);

        var error = await client.WaitForAsync(VoiceEventTypes.Error, Ct);
        var (status, reason) = await client.WaitForCloseAsync(Ct);

        Assert.Equal(VoiceErrorCodes.IdleTimeout, error.Code);
        Assert.Contains("IdleTimeoutSeconds", error.Message, StringComparison.Ordinal);
        Assert.Equal((WebSocketCloseStatus.NormalClosure, "idle timeout"), (status, reason));
    }
}
