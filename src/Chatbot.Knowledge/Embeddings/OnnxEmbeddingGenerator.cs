using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Embeddings from a local BERT-style (BGE-family) ONNX model through ONNX Runtime: WordPiece tokenisation, batches of
/// <see cref="OnnxEmbeddingOptions.BatchSize"/> padded to their longest text, <c>[CLS]</c> or masked-mean pooling,
/// L2 normalisation. Inference runs on the thread pool, at most <see cref="OnnxEmbeddingOptions.MaxConcurrency"/>
/// batches at once across all callers. A text's vector does not depend on the batch it ran in. Thread-safe; dispose
/// once no call is in flight.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxEmbeddingOptions _options;
    private readonly WordPieceInputEncoder _encoder;
    private readonly InferenceSession _session;
    private readonly OnnxModelSignature _signature;
    private readonly SemaphoreSlim _gate;
    private int _disposed;

    /// <summary>Validates <paramref name="options"/>, loads the vocabulary and opens the model.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid (the message names it), or the model cannot be used.</exception>
    public OnnxEmbeddingGenerator(OnnxEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _encoder = WordPieceInputEncoder.Load(options);
        (_session, ExecutionProvider, CudaUnavailableReason) = OnnxSessionFactory.Create(options);
        _gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        try
        {
            _signature = OnnxModelSignature.Read(_session, options.ModelPath!);
            // A hidden size the model leaves symbolic is learnt from one tiny run.
            Dimensions = _signature.Dimensions ?? Embed([string.Empty], CancellationToken.None)[0].Length;
        }
        catch
        {
            Dispose();
            throw;
        }

        ModelId = ModelIdOf(options.ModelPath!);
        Metadata = new EmbeddingGeneratorMetadata(EmbeddingProviderNames.Onnx, providerUri: null, ModelId, Dimensions);
    }

    /// <summary>Model id recorded on every embedding: the model file with its folder, e.g. <c>bge-small-en-v1.5/model.onnx</c>.</summary>
    public string ModelId { get; }

    /// <summary>Vector length: the model's hidden size.</summary>
    public int Dimensions { get; }

    /// <summary>Where the model runs: <see cref="OnnxExecutionProvider.Cpu"/> or <see cref="OnnxExecutionProvider.Cuda"/>.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; }

    /// <summary>Why <c>auto</c> runs on the CPU (no CUDA in this ONNX Runtime build, or the device failed); otherwise <see langword="null"/>.</summary>
    public string? CudaUnavailableReason { get; }

    /// <summary>Provider name, default model id and dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="EmbeddingGenerationOptions.Dimensions"/> must be absent or equal <see cref="Dimensions"/>. Cancelling
    /// stops batches waiting for a slot and terminates runs in progress.
    /// </remarks>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new ArgumentException($"The onnx model gives {Dimensions}-dimensional embeddings; {dimensions} were asked for.", nameof(options));
        }

        var texts = values.ToArray();
        if (Array.IndexOf(texts, null) >= 0)
        {
            throw new ArgumentException("Texts to embed must not be null.", nameof(values));
        }

        // Texts of similar length share a batch so little of it is padding; vectors go back in input order.
        var vectors = new float[texts.Length][];
        var order = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        await Task.WhenAll(order.Chunk(_options.BatchSize).Select(batch => RunBatchAsync(texts, batch, vectors, cancellationToken)));
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
    }

    private async Task RunBatchAsync(string[] texts, int[] batch, float[][] vectors, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A run blocks its thread for its whole duration: keep it off the caller's (a grain's) scheduler.
            var pooled = await Task.Run(() => Embed([.. batch.Select(i => texts[i])], cancellationToken), cancellationToken);
            for (var k = 0; k < batch.Length; k++)
            {
                vectors[batch[k]] = pooled[k];
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private float[][] Embed(string[] texts, CancellationToken cancellationToken)
    {
        var batch = TokenBatch.Pad([.. texts.Select(_encoder.Encode)], _encoder.PaddingTokenId);
        using var inputIds = OrtValue.CreateTensorValueFromMemory(batch.InputIds, batch.Shape);
        using var attentionMask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, batch.Shape);
        using var tokenTypeIds = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, batch.Shape);
        var inputs = new Dictionary<string, OrtValue>
        {
            [OnnxModelSignature.InputIds] = inputIds,
            [OnnxModelSignature.AttentionMask] = attentionMask,
        };
        if (_signature.HasTokenTypeIds)
        {
            inputs[OnnxModelSignature.TokenTypeIds] = tokenTypeIds;
        }

        using var runOptions = new RunOptions();
        using var terminate = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
        try
        {
            using var outputs = _session.Run(runOptions, inputs, [_signature.OutputName]);
            var output = outputs[0];
            return TokenPooling.Pool(
                output.GetTensorDataAsSpan<float>(), output.GetTensorTypeAndShape().Shape, batch, _options.Pooling, _options.Normalize);
        }
        catch (OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Embedding was cancelled; ONNX Runtime terminated the run.", ex, cancellationToken);
        }
    }

    private static string ModelIdOf(string modelPath)
    {
        var full = Path.GetFullPath(modelPath);
        var folder = Path.GetFileName(Path.GetDirectoryName(full));
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(full) : $"{folder}/{Path.GetFileName(full)}";
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _session.Dispose();
            _gate.Dispose();
        }
    }
}
