using System.Globalization;
using System.Net;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Knowledge;
using Chatbot.Testing.Servers;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;

namespace Chatbot.Gateway.Tests.Operations;

/// <summary><c>/readyz</c> means joined and serving: a gateway is not ready before it reaches a silo of its cluster.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_ClientGatewayBeforeAnySiloJoins_UnavailableWhileAliveThenReadyOnceConnected()
    {
        var gatewayPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var clusterId = "readyz-" + Guid.NewGuid().ToString("N");
        await using var gateway = await GatewayHost.StartListeningAsync(new Dictionary<string, string>
        {
            ["Chatbot:Gateway:Mode"] = "client",
            ["Chatbot:Clustering:GatewayPort"] = gatewayPort,
            ["Chatbot:Clustering:ClusterId"] = clusterId,
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(gateway, "healthz"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusOfAsync(gateway, "readyz"));
        Assert.False(gateway.Started.IsCompleted);

        await using var silo = await KnowledgeSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Chatbot:Clustering:GatewayPort"] = gatewayPort,
            ["Chatbot:Clustering:ClusterId"] = clusterId,
        }, Ct);
        await gateway.Started.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(gateway, "readyz"));
    }

    [Fact]
    public async Task Readyz_CohostedSiloActive_Ready()
    {
        await using var gateway = await GatewayHost.StartAsync(cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(gateway, "readyz"));
    }

    private static async Task<HttpStatusCode> StatusOfAsync(GatewayHost gateway, string path)
    {
        using var response = await gateway.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return response.StatusCode;
    }
}
