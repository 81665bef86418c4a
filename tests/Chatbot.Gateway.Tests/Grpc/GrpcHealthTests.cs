using System.Globalization;
using System.Net;
using Chatbot.Testing.Gateway;
using Chatbot.Testing.Servers;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Xunit;
using static Chatbot.Gateway.Tests.GatewayTestClient;
using static Chatbot.Gateway.Tests.Grpc.GrpcTestClient;

namespace Chatbot.Gateway.Tests.Grpc;

/// <summary>
/// The standard gRPC health service says what <c>/readyz</c> says (it runs the same readiness checks), and reflection
/// lists the services, both open without a token like the probes; the gRPC port speaks HTTP/2 only.
/// </summary>
public sealed class GrpcHealthTests
{
    [Fact]
    public async Task Health_ReadyGateway_ServingForTheServerAndEachServiceWithoutAToken()
    {
        await using var host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);
        using var channel = Channel(host);
        var health = new Health.HealthClient(channel);

        var server = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);
        var chat = await health.CheckAsync(new HealthCheckRequest { Service = "chatbot.v1.ChatService" }, cancellationToken: Ct);
        var knowledge = await health.CheckAsync(new HealthCheckRequest { Service = "chatbot.v1.KnowledgeService" }, cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, server.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, chat.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, knowledge.Status);
        await AssertFailsAsync(StatusCode.NotFound, async () => await health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task Health_ClientGatewayBeforeAnySiloJoins_NotServingLikeReadyz()
    {
        await using var gateway = await GatewayHost.StartListeningAsync(new Dictionary<string, string>
        {
            ["Chatbot:Gateway:Mode"] = "client",
            ["Chatbot:Clustering:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:ClusterId"] = "grpc-health-" + Guid.NewGuid().ToString("N"),
        }, Ct);
        using var channel = Channel(gateway);

        var status = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);
        using var readyz = await gateway.Client.GetAsync(new Uri("readyz", UriKind.Relative), Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, status.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
    }

    [Fact]
    public async Task Reflection_ListsThePlatformHealthAndReflectionServices()
    {
        await using var host = await GatewayHost.StartAsync(TestTokens.RequireTokens, cancellationToken: Ct);
        using var channel = Channel(host);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("chatbot.v1.ChatService", services);
        Assert.Contains("chatbot.v1.KnowledgeService", services);
        Assert.Contains("chatbot.v1.ConversationService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Ports_HttpApiKeepsHttp11AndGrpcPortSpeaksHttp2Only()
    {
        await using var host = await GatewayHost.StartAsync(cancellationToken: Ct);
        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var api = await host.Client.GetAsync(new Uri("readyz", UriKind.Relative), Ct);
        using var grpcPort = await http2.GetAsync(new Uri(host.GrpcAddress, "readyz"), Ct);
        using var http11OnGrpcPort = await host.Client.GetAsync(new Uri(host.GrpcAddress, "readyz"), Ct);

        Assert.Equal(HttpVersion.Version11, api.Version);
        Assert.Equal(HttpStatusCode.OK, grpcPort.StatusCode);
        Assert.Equal(HttpVersion.Version20, grpcPort.Version);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.False(http11OnGrpcPort.IsSuccessStatusCode, $"HTTP/1.1 on the gRPC port answered {http11OnGrpcPort.StatusCode}");
    }
}
