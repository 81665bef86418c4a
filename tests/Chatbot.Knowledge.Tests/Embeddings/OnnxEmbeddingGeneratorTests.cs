using System.Text;
using Chatbot.Knowledge.Embeddings;
using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Vectors;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Knowledge.Store;
using Chatbot.Testing.Onnx;
using Microsoft.Extensions.AI;
using Xunit;

namespace Chatbot.Knowledge.Tests.Embeddings;

/// <summary>The <c>onnx</c> provider loading and running a real (tiny, hand-written) ONNX model through ONNX Runtime.</summary>
public sealed class OnnxEmbeddingGeneratorTests : IDisposable
{
    private static readonly (string Id, string Text)[] s_documents =
    [
        ("hr", "employees get fifteen paid annual leave days per year"),
        ("it", "every password must be changed every ninety days"),
        ("ops", "the office is next to the metro station on line two"),
    ];

    private readonly TinyBertModel _model = TinyBertModel.Create();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _model.Dispose();

    private static OnnxEmbeddingOptions Options(TinyBertModel model) => new()
    {
        ModelPath = model.ModelPath,
        TokenizerPath = model.VocabularyPath,
        ExecutionProvider = OnnxExecutionProvider.Cpu,
    };

    private static async Task<float[][]> EmbedAsync(OnnxEmbeddingGenerator generator, params string[] texts)
    {
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: Ct);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }

    /// <summary>The normalised mean of the model's states for these tokens, computed from the model's own table.</summary>
    private static float[] MeanOf(TinyBertModel model, params string[] tokens)
    {
        var sum = new float[TinyBertModel.Hidden];
        foreach (var state in tokens.Select(model.TokenState))
        {
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += state[d] / tokens.Length;
            }
        }

        return VectorMath.Normalized(sum);
    }

    private static void AssertClose(float[] expected, float[] actual) =>
        Assert.Equal(expected, actual, (a, b) => Math.Abs(a - b) < 1e-5f);

    [Fact]
    public void Metadata_TinyModel_ReportsTheHiddenSizeAsDimensions()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model));

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(EmbeddingProviderNames.Onnx, metadata.ProviderName);
        Assert.Equal(TinyBertModel.Hidden, metadata.DefaultModelDimensions);
        Assert.Equal($"{Path.GetFileName(_model.Directory)}/model.onnx", metadata.DefaultModelId);
        Assert.Equal(OnnxExecutionProvider.Cpu, generator.ExecutionProvider);
    }

    [Fact]
    public async Task GenerateAsync_AnyText_ReturnsUnitVectorsOfTheModelsDimensions()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model) with { Pooling = OnnxPooling.Mean });

        var vectors = await EmbedAsync(generator, "Reset your password", "where is the office", "", "zebra unknown words");

        Assert.All(vectors, v =>
        {
            Assert.Equal(TinyBertModel.Hidden, v.Length);
            Assert.Equal(1.0, Math.Sqrt(VectorMath.Dot(v, v)), 5);
        });
    }

    [Fact]
    public async Task GenerateAsync_ClsPooling_IsTheNormalisedStateOfCls()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model));

        var vectors = await EmbedAsync(generator, "a b", "the office is next to the metro station");

        var cls = VectorMath.Normalized(_model.TokenState("[CLS]"));
        AssertClose(cls, vectors[0]);
        AssertClose(cls, vectors[1]);
    }

    [Fact]
    public async Task GenerateAsync_MeanPooling_IsTheNormalisedMeanOfTheTextsTokenStates()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model) with { Pooling = OnnxPooling.Mean });

        var vectors = await EmbedAsync(generator, "A  b", "Password RESET");

        AssertClose(MeanOf(_model, "[CLS]", "a", "b", "[SEP]"), vectors[0]);
        AssertClose(MeanOf(_model, "[CLS]", "password", "reset", "[SEP]"), vectors[1]);
    }

    [Fact]
    public async Task GenerateAsync_ShortTextBatchedWithLongerOnes_GivesTheSameVectorAsAlone()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model) with { Pooling = OnnxPooling.Mean, BatchSize = 2 });

        var alone = await EmbedAsync(generator, "a b");
        var batched = await EmbedAsync(generator, "the office is next to the metro station on line two", "a b", "paid annual leave", "b");

        AssertClose(alone[0], batched[1]);
        AssertClose(MeanOf(_model, "[CLS]", "paid", "annual", "leave", "[SEP]"), batched[2]);
        AssertClose(MeanOf(_model, "[CLS]", "b", "[SEP]"), batched[3]);
    }

    [Fact]
    public async Task GenerateAsync_TextLongerThanMaxTokens_IsTruncatedKeepingClsAndSep()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model) with { Pooling = OnnxPooling.Mean, MaxTokens = 4 });
        var longText = string.Join(' ', Enumerable.Repeat("a b c", 1000));

        var vectors = await EmbedAsync(generator, longText);

        AssertClose(MeanOf(_model, "[CLS]", "a", "b", "[SEP]"), vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_ModelWithoutTokenTypeIds_FeedsOnlyItsInputs()
    {
        using var model = TinyBertModel.Create(tokenTypeIds: false);
        using var generator = new OnnxEmbeddingGenerator(Options(model) with { Pooling = OnnxPooling.Mean });

        var vectors = await EmbedAsync(generator, "a b");

        AssertClose(MeanOf(model, "[CLS]", "a", "b", "[SEP]"), vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_ModelWithSymbolicHiddenSize_LearnsItsDimensionsFromARun()
    {
        using var model = TinyBertModel.Create(symbolicHidden: true);
        using var generator = new OnnxEmbeddingGenerator(Options(model));

        var vectors = await EmbedAsync(generator, "a b");

        Assert.Equal(TinyBertModel.Hidden, generator.Dimensions);
        Assert.Equal(TinyBertModel.Hidden, vectors[0].Length);
    }

    [Fact]
    public async Task GenerateAsync_ModelWithPooledOutput_TakesItsSentenceEmbedding()
    {
        using var model = TinyBertModel.Create(pooledOutput: true);
        using var generator = new OnnxEmbeddingGenerator(Options(model));

        var vectors = await EmbedAsync(generator, "a b");

        // The model's own mean, not the configured [CLS] pooling.
        AssertClose(MeanOf(model, "[CLS]", "a", "b", "[SEP]"), vectors[0]);
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensionsRequested_Throws()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            generator.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 16 }, Ct));
    }

    [Fact]
    public async Task GenerateAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["a b"], cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Constructor_MissingModelFile_FailsNamingTheSettingAndPath()
    {
        var missing = Path.Combine(_model.Directory, "missing.onnx");

        var error = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(Options(_model) with { ModelPath = missing }));

        Assert.Equal($"Chatbot:Knowledge:Embeddings:Onnx:ModelPath '{missing}' does not exist.", error.Message);
    }

    [Theory]
    [InlineData(nameof(OnnxEmbeddingOptions.ModelPath))]
    [InlineData(nameof(OnnxEmbeddingOptions.TokenizerPath))]
    public void Constructor_PathNotSet_FailsNamingTheSetting(string setting)
    {
        var options = setting == nameof(OnnxEmbeddingOptions.ModelPath)
            ? Options(_model) with { ModelPath = null }
            : Options(_model) with { TokenizerPath = " " };

        var error = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(options));

        Assert.StartsWith($"Chatbot:Knowledge:Embeddings:Onnx:{setting} is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(OnnxEmbeddingOptions.MaxTokens))]
    [InlineData(nameof(OnnxEmbeddingOptions.BatchSize))]
    [InlineData(nameof(OnnxEmbeddingOptions.MaxConcurrency))]
    [InlineData(nameof(OnnxEmbeddingOptions.DeviceId))]
    [InlineData(nameof(OnnxEmbeddingOptions.Pooling))]
    public void Constructor_OutOfRangeSetting_FailsNamingIt(string setting)
    {
        var options = setting switch
        {
            nameof(OnnxEmbeddingOptions.MaxTokens) => Options(_model) with { MaxTokens = 2 },
            nameof(OnnxEmbeddingOptions.BatchSize) => Options(_model) with { BatchSize = 0 },
            nameof(OnnxEmbeddingOptions.MaxConcurrency) => Options(_model) with { MaxConcurrency = 0 },
            nameof(OnnxEmbeddingOptions.DeviceId) => Options(_model) with { DeviceId = -1 },
            _ => Options(_model) with { Pooling = (OnnxPooling)7 },
        };

        var error = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(options));

        Assert.StartsWith($"Chatbot:Knowledge:Embeddings:Onnx:{setting} ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FileThatIsNotAModel_FailsNamingModelPath()
    {
        var notAModel = Path.Combine(_model.Directory, "notes.onnx");
        File.WriteAllText(notAModel, "not a model");

        var error = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(Options(_model) with { ModelPath = notAModel }));

        Assert.StartsWith($"Chatbot:Knowledge:Embeddings:Onnx:ModelPath '{notAModel}' is not a loadable ONNX model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_VocabularyWithoutBertSpecialTokens_FailsNamingTokenizerPath()
    {
        var vocabulary = Path.Combine(_model.Directory, "words.txt");
        File.WriteAllLines(vocabulary, ["a", "b", "c"]);

        var error = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(Options(_model) with { TokenizerPath = vocabulary }));

        Assert.StartsWith($"Chatbot:Knowledge:Embeddings:Onnx:TokenizerPath '{vocabulary}' is not a WordPiece vocab.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CudaRequestedInACpuBuild_FailsNamingTheSetting()
    {
        // The project references the CPU build of ONNX Runtime, which has no CUDA provider.
        var error = Assert.Throws<InvalidOperationException>(() =>
            new OnnxEmbeddingGenerator(Options(_model) with { ExecutionProvider = OnnxExecutionProvider.Cuda }));

        Assert.StartsWith("Chatbot:Knowledge:Embeddings:Onnx:ExecutionProvider is 'cuda'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_AutoInACpuBuild_RunsOnTheCpuAndSaysWhy()
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model) with { ExecutionProvider = OnnxExecutionProvider.Auto });

        var vectors = await EmbedAsync(generator, "a b");

        Assert.Equal(OnnxExecutionProvider.Cpu, generator.ExecutionProvider);
        Assert.Contains("CUDAExecutionProvider", generator.CudaUnavailableReason, StringComparison.Ordinal);
        Assert.Equal(TinyBertModel.Hidden, vectors[0].Length);
    }

    [Fact]
    public async Task Create_OnnxProvider_ReturnsAWorkingOnnxGenerator()
    {
        using var generator = EmbeddingGenerators.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProviderNames.Onnx,
            Onnx = Options(_model) with { Pooling = OnnxPooling.Mean },
        });

        var embeddings = await generator.GenerateAsync(["a b"], cancellationToken: Ct);

        Assert.IsType<OnnxEmbeddingGenerator>(generator);
        AssertClose(MeanOf(_model, "[CLS]", "a", "b", "[SEP]"), embeddings[0].Vector.ToArray());
    }

    [Theory]
    [InlineData("how many vacation days do i get", "hr")]
    [InlineData("reset my login", "it")]
    [InlineData("where is our building", "ops")]
    [InlineData("every password must be changed every ninety days", "it")]
    public async Task DenseSearch_DocumentsIngestedWithTheOnnxModel_RankTheSameTopicFirst(string question, string expected)
    {
        using var generator = new OnnxEmbeddingGenerator(Options(_model) with { Pooling = OnnxPooling.Mean });
        var pipeline = new IngestionPipeline(DocumentParsers.CreateDefault(), DocumentChunker.CreateDefault(), generator, new KnowledgeOptions());
        var index = new PartitionIndex(new MixedScriptAnalyzer(), generator.Dimensions);
        foreach (var (id, text) in s_documents)
        {
            var document = new StoredDocument("acme", "docs", id, $"{id}.txt", "text/plain", Encoding.UTF8.GetBytes(text), DateTimeOffset.UnixEpoch);
            foreach (var chunk in await pipeline.RunAsync(document, new IndexSettings(), partitions: 1, Ct))
            {
                index.Upsert(new IndexedChunk(chunk.ChunkId, chunk.DocumentId), chunk.Text, chunk.Vector);
            }
        }

        var query = (await generator.GenerateAsync([question], cancellationToken: Ct))[0].Vector;
        var hits = index.SearchDense(query.Span, topK: 3);

        Assert.Equal(expected, hits[0].DocumentId);
        Assert.Equal(3, hits.Count);
    }
}
