using Chatbot.Knowledge.Embeddings;
using Chatbot.Knowledge.Indexing.Vectors;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.Knowledge.Tests.Embeddings;

public sealed class HashingEmbeddingGeneratorTests
{
    private static async Task<float[][]> EmbedAsync(params string[] texts)
    {
        using var generator = new HashingEmbeddingGenerator();
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);
        return embeddings.Select(e => e.Vector.ToArray()).ToArray();
    }

    [Fact]
    public async Task GenerateAsync_SameTextTwice_ReturnsIdenticalVectors()
    {
        var first = await EmbedAsync("Reset your password from the account page. 在账户页面重置密码。");
        var second = await EmbedAsync("Reset your password from the account page. 在账户页面重置密码。");

        Assert.Equal(first[0], second[0]);
    }

    [Fact]
    public async Task GenerateAsync_AnyText_ReturnsUnitVectorOfConfiguredDimensions()
    {
        var vectors = await EmbedAsync("Quarterly revenue grew 12%", "季度收入增长了百分之十二");

        Assert.All(vectors, v =>
        {
            Assert.Equal(384, v.Length);
            Assert.Equal(1.0, Math.Sqrt(VectorMath.Dot(v, v)), 5);
        });
    }

    [Fact]
    public async Task GenerateAsync_EnglishParaphrase_CloserThanUnrelatedText()
    {
        var v = await EmbedAsync(
            "How do I reset my password?",
            "Steps to reset a forgotten password",
            "The weather in Paris is sunny today");

        Assert.True(VectorMath.Dot(v[0], v[1]) > VectorMath.Dot(v[0], v[2]) + 0.2);
    }

    [Fact]
    public async Task GenerateAsync_EnglishWordForms_ShareCharacterTrigrams()
    {
        var v = await EmbedAsync("configuring the firewall", "configuration of firewalls", "baking sourdough bread");

        Assert.True(VectorMath.Dot(v[0], v[1]) > VectorMath.Dot(v[0], v[2]) + 0.2);
    }

    [Fact]
    public async Task GenerateAsync_ChineseParaphrase_CloserThanUnrelatedText()
    {
        var v = await EmbedAsync("如何重置我的登录密码？", "忘记密码后怎样重置", "今天北京的天气晴朗", "季度财报显示收入增长", "会议室在三楼");

        var paraphrase = VectorMath.Dot(v[0], v[1]);
        Assert.All(v.Skip(2), unrelated => Assert.True(paraphrase > VectorMath.Dot(v[0], unrelated) + 0.15));
    }

    [Fact]
    public async Task GenerateAsync_DimensionsOption_Honoured()
    {
        using var generator = new HashingEmbeddingGenerator();

        var embeddings = await generator.GenerateAsync(
            ["hello"], new EmbeddingGenerationOptions { Dimensions = 64 }, TestContext.Current.CancellationToken);

        Assert.Equal(64, embeddings[0].Vector.Length);
        Assert.Equal("hashing-384-v1", embeddings[0].ModelId);
    }

    [Fact]
    public async Task GenerateAsync_TextWithoutFeatures_ReturnsZeroVector()
    {
        var v = await EmbedAsync("?!…");

        Assert.All(v[0], x => Assert.Equal(0f, x));
    }

    [Fact]
    public void GetService_Metadata_ReportsProviderModelAndDimensions()
    {
        using var generator = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 256 });

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(EmbeddingProviderNames.Hashing, metadata.ProviderName);
        Assert.Equal("hashing-256-v1", metadata.DefaultModelId);
        Assert.Equal(256, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void Create_HashingProvider_ReturnsHashingGenerator()
    {
        using var generator = EmbeddingGenerators.Create(new EmbeddingOptions());

        Assert.IsType<HashingEmbeddingGenerator>(generator);
    }

    [Theory]
    [InlineData(EmbeddingProviderNames.OpenAI)]
    [InlineData("word2vec")]
    public void Create_UnavailableProvider_ThrowsNamingTheSetting(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddingGenerators.Create(new EmbeddingOptions { Provider = provider }));

        Assert.Contains("Chatbot:Knowledge:Embeddings:Provider", error.Message);
    }
}
