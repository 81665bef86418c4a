using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests;

/// <summary>Tokens decide the tenant; a tenant never reaches another tenant's conversations, through any endpoint.</summary>
public sealed class TenancyTests : IAsyncLifetime
{
    private GatewayHost _host = null!;
    private readonly string _a = TestTokens.For("tenant-a");
    private readonly string _b = TestTokens.For("tenant-b");

    public async ValueTask InitializeAsync() => _host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task TenantB_CannotListReadStreamOrDeleteTenantAConversation()
    {
        var id = "private-" + Guid.NewGuid().ToString("N");
        var secret = "the secret launch date of tenant a";
        await ChatAsync(_host.Client, ChatRequest(id, secret, token: _a));

        var listB = await GetJsonAsync(_host.Client, "api/v1/conversations", _b);
        using var readB = await _host.Client.SendAsync(Raw(HttpMethod.Get, $"api/v1/conversations/{id}", token: _b), Ct);
        using var streamB = await _host.Client.SendAsync(Raw(HttpMethod.Get, $"api/v1/conversations/{id}/stream", token: _b), Ct);
        using var deleteB = await _host.Client.SendAsync(Raw(HttpMethod.Delete, $"api/v1/conversations/{id}", token: _b), Ct);

        Assert.DoesNotContain(listB.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        await AssertProblemAsync(readB, 404);
        await AssertProblemAsync(streamB, 404);
        await AssertProblemAsync(deleteB, 404);
        var stillThere = await GetJsonAsync(_host.Client, $"api/v1/conversations/{id}", _a);
        Assert.Equal(secret, stillThere.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task TenantB_ChatCompletionsWithTenantAConversationId_NeverSeesTenantAHistory()
    {
        var id = "shared-id-" + Guid.NewGuid().ToString("N");
        var secret = "tenant a private detail " + Guid.NewGuid().ToString("N");
        await ChatAsync(_host.Client, ChatRequest(id, secret, token: _a));

        var request = Raw(HttpMethod.Post, "v1/chat/completions", """{"model":"m","messages":[{"role":"user","content":"what did I say before?"}]}""", _b);
        request.Headers.Add("X-Conversation-ID", id);
        using var response = await _host.Client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var historyA = await GetJsonAsync(_host.Client, $"api/v1/conversations/{id}", _a);
        var historyB = await GetJsonAsync(_host.Client, $"api/v1/conversations/{id}", _b);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.Equal(2, historyA.GetProperty("messages").GetArrayLength());
        Assert.DoesNotContain(secret, historyB.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithoutToken_Returns401()
    {
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations"), Ct);

        await AssertProblemAsync(response, 401);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-key-wrong-key-wrong-key-wrong-key-0123")]
    public async Task Request_WithTokenSignedByAnotherKey_Returns401(string key)
    {
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations", token: TestTokens.For("tenant-a", key)), Ct);

        await AssertProblemAsync(response, 401);
    }

    [Fact]
    public async Task Request_WithTokenWithoutTenantClaim_Returns403()
    {
        using var response = await _host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations", token: TestTokens.For(null)), Ct);

        await AssertProblemAsync(response, 403);
    }

    [Fact]
    public async Task Request_WithXTenantIdDisagreeingWithToken_Returns403()
    {
        var request = Raw(HttpMethod.Get, "api/v1/conversations", token: _a);
        request.Headers.Add("X-Tenant-ID", "tenant-b");

        using var response = await _host.Client.SendAsync(request, Ct);

        await AssertProblemAsync(response, 403, "X-Tenant-ID");
    }

    [Fact]
    public async Task Request_WithXTenantIdAgreeingWithToken_IsServed()
    {
        var request = Raw(HttpMethod.Get, "api/v1/conversations", token: _a);
        request.Headers.Add("X-Tenant-ID", "tenant-a");

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Health_IsAnonymous()
    {
        using var health = await _host.Client.GetAsync("healthz", Ct);
        using var ready = await _host.Client.GetAsync("readyz", Ct);

        Assert.Equal(200, (int)health.StatusCode);
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }
}
