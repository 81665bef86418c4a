using System.Net;
using System.Net.Http.Headers;
using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Operations;

/// <summary>The Orleans dashboard is served to administrators only.</summary>
public sealed class OrleansDashboardTests
{
    [Fact]
    public async Task Dashboard_Enabled_OnlyATokenWithTheAdminRoleOpensIt()
    {
        var settings = new Dictionary<string, string>(TestTokens.RequireTokens) { ["Chatbot:Dashboard:Enabled"] = "true" };
        await using var gateway = await GatewayHost.StartAsync(settings, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(gateway, token: null));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOfAsync(gateway, TestTokens.For("acme")));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(gateway, TestTokens.For("acme", roles: ["admin"])));
    }

    [Fact]
    public async Task Dashboard_NotEnabled_NotServed()
    {
        await using var gateway = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(gateway, TestTokens.For("acme", roles: ["admin"])));
    }

    private static async Task<HttpStatusCode> StatusOfAsync(GatewayHost gateway, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "dashboard/");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await gateway.Client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
