using Chatbot.Hosting.Knowledge;
using Chatbot.Testing.FakeOpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chatbot.Hosting.Tests.Knowledge;

/// <summary>The <c>openai</c> embedding provider, composed by <c>AddChatbotKnowledge</c>, against a real HTTP fake.</summary>
public sealed class OpenAIEmbeddingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddChatbotKnowledge(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public async Task AddChatbotKnowledge_OpenAIProvider_EmbedsThroughTheEndpointWithModelAndKey()
    {
        await using var server = await FakeOpenAIServer.StartAsync(Ct);
        await using var services = Services(new()
        {
            ["Chatbot:Knowledge:Embeddings:Provider"] = "openai",
            ["Chatbot:Knowledge:Embeddings:OpenAI:BaseUrl"] = server.BaseUrl.ToString(),
            ["Chatbot:Knowledge:Embeddings:OpenAI:Model"] = "text-embedding-test",
            ["Chatbot:Knowledge:Embeddings:OpenAI:ApiKey"] = "sk-test",
        });
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["Warranty is 3 years.", "你好"], cancellationToken: Ct);

        Assert.Equal(FakeEmbeddings.VectorOf("Warranty is 3 years."), embeddings[0].Vector.ToArray());
        Assert.Equal(FakeEmbeddings.VectorOf("你好"), embeddings[1].Vector.ToArray());
        var request = Assert.Single(server.Embeddings.Requests);
        Assert.Equal("text-embedding-test", request.GetProperty("model").GetString());
        Assert.Equal(2, request.GetProperty("input").GetArrayLength());
    }

    [Theory]
    [InlineData(null, "m", "Chatbot:Knowledge:Embeddings:OpenAI:BaseUrl")]
    [InlineData("not a url", "m", "Chatbot:Knowledge:Embeddings:OpenAI:BaseUrl")]
    [InlineData("http://127.0.0.1:1/v1", null, "Chatbot:Knowledge:Embeddings:OpenAI:Model")]
    public void AddChatbotKnowledge_OpenAIProviderMisconfigured_FailsNamingTheSetting(string? baseUrl, string? model, string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new()
        {
            ["Chatbot:Knowledge:Embeddings:Provider"] = "openai",
            ["Chatbot:Knowledge:Embeddings:OpenAI:BaseUrl"] = baseUrl,
            ["Chatbot:Knowledge:Embeddings:OpenAI:Model"] = model,
        }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
