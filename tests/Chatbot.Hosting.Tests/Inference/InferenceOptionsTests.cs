using Chatbot.Testing.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.Hosting.Tests.Inference;

public sealed class InferenceOptionsTests
{
    [Theory]
    [InlineData("Chatbot:Inference:GpuFallback", "gpu")]
    [InlineData("Chatbot:Inference:MaxBatch", "0")]
    [InlineData("Chatbot:Inference:BatchWindowMilliseconds", "5000")]
    [InlineData("Chatbot:Inference:EmbeddingShards", "0")]
    public async Task SiloStart_BadInferenceSetting_FailsNamingTheSetting(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        var ports = FreePort.Next(2);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chatbot:Storage:Provider"] = StorageProviders.Memory,
            ["Chatbot:Clustering:SiloPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chatbot:Clustering:GatewayPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            [key] = value,
        });
        builder.UseOrleans(silo => silo.AddChatbotSilo(builder.Configuration));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
