using Chatbot.Testing.Gateway;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_OverTheTenantLimit_Get429WithRetryAfterWhileOtherTenantsAreServed()
    {
        var settings = new Dictionary<string, string>(TestTokens.RequireTokens)
        {
            ["Chatbot:RateLimit:PermitLimit"] = "3",
            ["Chatbot:RateLimit:WindowSeconds"] = "600",
        };
        await using var host = await GatewayHost.StartAsync(settings, cancellationToken: Ct);
        var a = TestTokens.For("busy-tenant");
        var b = TestTokens.For("quiet-tenant");

        for (var i = 0; i < 3; i++)
        {
            using var ok = await host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations", token: a), Ct);
            Assert.Equal(200, (int)ok.StatusCode);
        }

        using var limited = await host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations", token: a), Ct);
        using var other = await host.Client.SendAsync(Raw(HttpMethod.Get, "api/v1/conversations", token: b), Ct);

        await AssertProblemAsync(limited, 429);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(200, (int)other.StatusCode);
    }
}
