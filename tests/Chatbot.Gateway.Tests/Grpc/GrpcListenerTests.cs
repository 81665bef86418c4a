using Chatbot.Gateway.Grpc;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Chatbot.Gateway.Tests.Grpc;

/// <summary>The gRPC port listens on the interfaces the HTTP API was given, however it was given them.</summary>
public sealed class GrpcListenerTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void GrpcUrls_MakeRunUrls_SameInterfaceOnTheGrpcPort()
    {
        var http = GrpcListener.HttpUrls(Config(("urls", "http://0.0.0.0:8080")));

        Assert.Equal(["http://0.0.0.0:8080"], http);
        Assert.Equal(["http://0.0.0.0:50051"], GrpcListener.GrpcUrls(http, 50051));
    }

    [Fact]
    public void GrpcUrls_SeveralUrlsOnOneHost_OneGrpcAddressPerHost()
    {
        var http = GrpcListener.HttpUrls(Config(("urls", "http://127.0.0.1:8080;https://127.0.0.1:8443; http://[::1]:8080")));

        Assert.Equal(["http://127.0.0.1:9000", "http://[::1]:9000"], GrpcListener.GrpcUrls(http, 9000));
    }

    [Fact]
    public void HttpUrls_HttpPortsOrNothing_AsTheHostWouldBind()
    {
        Assert.Equal(["http://*:8080"], GrpcListener.HttpUrls(Config(("http_ports", "8080"))));
        Assert.Equal(["http://localhost:5000"], GrpcListener.HttpUrls(Config()));
    }

    [Fact]
    public void GrpcUrls_GrpcPortIsAnHttpPort_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrpcListener.GrpcUrls(["http://0.0.0.0:8080"], 8080));

        Assert.Contains("Chatbot:Gateway:GrpcPort", error.Message, StringComparison.Ordinal);
    }
}
