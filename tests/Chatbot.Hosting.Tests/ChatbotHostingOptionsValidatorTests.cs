using Chatbot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Chatbot.Hosting.Tests;

public sealed class ChatbotHostingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoFailures() =>
        Assert.Empty(ChatbotHostingOptionsValidator.Validate(new ChatbotHostingOptions()));

    [Theory]
    [InlineData("Chatbot:DataDirectory", "", "Chatbot:DataDirectory")]
    [InlineData("Chatbot:Clustering:Provider", "zookeeper", "Chatbot:Clustering:Provider")]
    [InlineData("Chatbot:Clustering:Provider", "redis", "Chatbot:Clustering:ConnectionString")]
    [InlineData("Chatbot:Clustering:Provider", "adonet", "Chatbot:Clustering:ConnectionString")]
    [InlineData("Chatbot:Clustering:ClusterId", "", "Chatbot:Clustering:ClusterId")]
    [InlineData("Chatbot:Clustering:ServiceId", "", "Chatbot:Clustering:ServiceId")]
    [InlineData("Chatbot:Clustering:SiloPort", "0", "Chatbot:Clustering:SiloPort")]
    [InlineData("Chatbot:Clustering:GatewayPort", "70000", "Chatbot:Clustering:GatewayPort")]
    [InlineData("Chatbot:Clustering:GatewayPort", "11111", "Chatbot:Clustering:GatewayPort")]
    [InlineData("Chatbot:Clustering:AdvertisedAddress", "silo-1.local", "Chatbot:Clustering:AdvertisedAddress")]
    [InlineData("Chatbot:Clustering:ProbeTimeoutSeconds", "0", "Chatbot:Clustering:ProbeTimeoutSeconds")]
    [InlineData("Chatbot:Clustering:MissedProbesLimit", "11", "Chatbot:Clustering:MissedProbesLimit")]
    [InlineData("Chatbot:Storage:Provider", "mongodb", "Chatbot:Storage:Provider")]
    [InlineData("Chatbot:Storage:Provider", "adonet", "Chatbot:Storage:ConnectionString")]
    [InlineData("Chatbot:Silo:Accelerator", "tpu", "Chatbot:Silo:Accelerator")]
    public void Read_BadSetting_ThrowsNamingTheSetting(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => ChatbotHostingOptionsValidator.Read(configuration));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEach()
    {
        var options = new ChatbotHostingOptions();
        options.Clustering.Provider = "redis";
        options.Storage.Provider = "adonet";

        var failures = ChatbotHostingOptionsValidator.Validate(options);

        Assert.Contains(failures, f => f.Contains("Chatbot:Clustering:ConnectionString", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Chatbot:Storage:ConnectionString", StringComparison.Ordinal));
    }
}
