using Chatbot.Hosting.Knowledge;
using Chatbot.Knowledge.Embeddings;
using Chatbot.Testing.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Hosting.Tests.Knowledge;

/// <summary>The <c>onnx</c> embedding provider, configured the way an operator does and composed by <c>AddChatbotKnowledge</c>.</summary>
public sealed class OnnxEmbeddingsTests : IDisposable
{
    private readonly TinyBertModel _model = TinyBertModel.Create();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _model.Dispose();

    private Dictionary<string, string?> Settings() => new()
    {
        ["Chatbot:Knowledge:Embeddings:Provider"] = "onnx",
        ["Chatbot:Knowledge:Embeddings:Onnx:ModelPath"] = _model.ModelPath,
        ["Chatbot:Knowledge:Embeddings:Onnx:TokenizerPath"] = _model.VocabularyPath,
        ["Chatbot:Knowledge:Embeddings:Onnx:Pooling"] = "mean",
        ["Chatbot:Knowledge:Embeddings:Onnx:ExecutionProvider"] = "cpu",
    };

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddChatbotKnowledge(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public async Task AddChatbotKnowledge_OnnxProvider_EmbedsWithTheConfiguredModel()
    {
        await using var services = Services(Settings());
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["reset my password", "a b"], cancellationToken: Ct);

        var onnx = Assert.IsType<OnnxEmbeddingGenerator>(generator);
        Assert.Equal(OnnxExecutionProvider.Cpu, onnx.ExecutionProvider);
        Assert.All(embeddings, e => Assert.Equal(TinyBertModel.Hidden, e.Vector.Length));
        // Mean pooling, as configured: the two texts differ (with [CLS] pooling every text gets the same vector).
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
    }

    [Fact]
    public void AddChatbotKnowledge_OnnxModelMissing_FailsAtCompositionNamingTheSetting()
    {
        var settings = Settings();
        settings["Chatbot:Knowledge:Embeddings:Onnx:ModelPath"] = Path.Combine(_model.Directory, "missing.onnx");

        var error = Assert.Throws<InvalidOperationException>(() => Services(settings));

        Assert.StartsWith("Chatbot:Knowledge:Embeddings:Onnx:ModelPath '", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("missing.onnx' does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddChatbotKnowledge_UnknownPooling_FailsNamingTheSetting()
    {
        var settings = Settings();
        settings["Chatbot:Knowledge:Embeddings:Onnx:Pooling"] = "max";

        var error = Assert.Throws<InvalidOperationException>(() => Services(settings));

        Assert.Contains("Chatbot:Knowledge:Embeddings:Onnx:Pooling", error.Message, StringComparison.Ordinal);
    }
}
