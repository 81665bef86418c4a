namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Settings of the <c>onnx</c> embedding provider (<c>Chatbot:Knowledge:Embeddings:Onnx</c>): a local BERT-style
/// (BGE-family) ONNX model with its WordPiece vocabulary. Changing the model, tokenizer, pooling or normalisation
/// changes every vector: re-index. Immutable.
/// </summary>
public sealed record OnnxEmbeddingOptions
{
    /// <summary>Configuration section, below <see cref="EmbeddingOptions.SectionName"/>.</summary>
    public const string SectionName = EmbeddingOptions.SectionName + ":Onnx";

    /// <summary>
    /// The ONNX model file (e.g. <c>bge-small-en-v1.5/model.onnx</c>): int64 inputs <c>input_ids</c>,
    /// <c>attention_mask</c> and optionally <c>token_type_ids</c>; output <c>[batch, sequence, hidden]</c> token
    /// states or an already pooled <c>[batch, hidden]</c>. Required for <c>onnx</c>.
    /// </summary>
    public string? ModelPath { get; init; }

    /// <summary>The model's WordPiece vocabulary, <c>vocab.txt</c> (one token per line, line number = id). Required for <c>onnx</c>.</summary>
    public string? TokenizerPath { get; init; }

    /// <summary>
    /// Longest input in tokens, <c>[CLS]</c> and <c>[SEP]</c> included; longer texts are truncated, not rejected.
    /// At most the model's position limit (512 for BERT/BGE). Default 512.
    /// </summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>How token states become one vector. Default <see cref="OnnxPooling.Cls"/> (BGE); ignored when the model's output is already pooled.</summary>
    public OnnxPooling Pooling { get; init; } = OnnxPooling.Cls;

    /// <summary>Scale each vector to unit length, as cosine search expects. Default <see langword="true"/>.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Texts run through the model at once; a call with more is split into batches. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Batches running in ONNX Runtime at once, across all callers; each CPU run gets processor count / this many
    /// threads. Default: the processor count, at most 4.
    /// </summary>
    public int MaxConcurrency { get; init; } = Math.Min(Environment.ProcessorCount, 4);

    /// <summary>Where the model runs. Default <see cref="OnnxExecutionProvider.Auto"/>: CUDA when available, else CPU.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; init; } = OnnxExecutionProvider.Auto;

    /// <summary>CUDA device ordinal used by <c>auto</c> and <c>cuda</c>. Default 0.</summary>
    public int DeviceId { get; init; }

    /// <summary>Lower-case (and strip accents) before WordPiece, as uncased models expect. Default <see langword="true"/>.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>Throws naming the setting when a value is missing or out of range, or a file does not exist.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid.</exception>
    public void Validate()
    {
        RequireFile(ModelPath, nameof(ModelPath));
        RequireFile(TokenizerPath, nameof(TokenizerPath));
        Require(MaxTokens is >= 3 and <= 8192, nameof(MaxTokens), MaxTokens, "must be between 3 and 8192");
        Require(BatchSize is >= 1 and <= 4096, nameof(BatchSize), BatchSize, "must be between 1 and 4096");
        Require(MaxConcurrency is >= 1 and <= 256, nameof(MaxConcurrency), MaxConcurrency, "must be between 1 and 256");
        Require(DeviceId >= 0, nameof(DeviceId), DeviceId, "must be >= 0");
        Require(Enum.IsDefined(Pooling), nameof(Pooling), Pooling, "must be cls or mean");
        Require(Enum.IsDefined(ExecutionProvider), nameof(ExecutionProvider), ExecutionProvider, "must be auto, cpu or cuda");
    }

    private static void RequireFile(string? path, string setting)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                $"{SectionName}:{setting} is required when {EmbeddingOptions.SectionName}:Provider is '{EmbeddingProviderNames.Onnx}'.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{SectionName}:{setting} '{Path.GetFullPath(path)}' does not exist.");
        }
    }

    private static void Require(bool valid, string setting, object value, string rule)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"{SectionName}:{setting} {rule} (was {value}).");
        }
    }
}
