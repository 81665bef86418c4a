using Chatbot.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Hosting.Tests.Telemetry;

public sealed class ChatbotTelemetryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoFailures() =>
        Assert.Empty(ChatbotTelemetryOptionsValidator.Validate(new ChatbotTelemetryOptions()));

    [Theory]
    [InlineData("http://localhost:4318", OtlpProtocols.HttpProtobuf)]
    [InlineData("https://tempo.example.com/otlp/", OtlpProtocols.HttpProtobuf)]
    [InlineData("http://jaeger:4317", OtlpProtocols.Grpc)]
    public void Read_CollectorSettings_Accepted(string endpoint, string protocol)
    {
        var options = ChatbotTelemetryOptionsValidator.Read(Configuration(
            ("Chatbot:Telemetry:Otlp:Endpoint", endpoint), ("Chatbot:Telemetry:Otlp:Protocol", protocol)));

        Assert.Equal(endpoint, options.Otlp.Endpoint);
        Assert.Equal(protocol, options.Otlp.Protocol);
    }

    [Theory]
    [InlineData("Chatbot:Telemetry:Otlp:Protocol", "http")]
    [InlineData("Chatbot:Telemetry:Otlp:Protocol", "GRPC")]
    [InlineData("Chatbot:Telemetry:Otlp:Endpoint", "localhost:4318")]
    [InlineData("Chatbot:Telemetry:Otlp:Endpoint", "/v1/traces")]
    [InlineData("Chatbot:Telemetry:Otlp:Endpoint", "ftp://collector:4318")]
    public void Read_BadSetting_ThrowsNamingTheSetting(string key, string value)
    {
        var configuration = Configuration((key, value));

        var error = Assert.Throws<InvalidOperationException>(() => ChatbotTelemetryOptionsValidator.Read(configuration));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChatbotTelemetry_BadSetting_ThrowsNamingTheSetting()
    {
        var configuration = Configuration(("Chatbot:Telemetry:Otlp:Protocol", "thrift"));

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddChatbotTelemetry(configuration, ChatbotTelemetryOptions.SiloServiceName));

        Assert.Contains("Chatbot:Telemetry:Otlp:Protocol", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
}
