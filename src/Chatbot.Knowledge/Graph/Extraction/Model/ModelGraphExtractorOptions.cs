namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>Options of <see cref="ModelGraphExtractor"/> and <see cref="GraphBuildCostEstimator"/>. Immutable.</summary>
public sealed record ModelGraphExtractorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge:Graph:Model";

    /// <summary>Model calls per chunk at most: the first, then one retry per invalid reply with the error fed back. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Sampling temperature; 0 (the default) makes extraction as repeatable as the model allows.</summary>
    public float? Temperature { get; init; } = 0;

    /// <summary>Completion token limit per call. Default 2048.</summary>
    public int? MaxOutputTokens { get; init; } = 2048;

    /// <summary>
    /// Completion tokens expected per token of chunk text, for <see cref="GraphBuildCostEstimator"/>. Default 1.0: a
    /// JSON entity costs about 15 tokens and a relation with its evidence about 40, and dense prose names a few of
    /// each per sentence. A planning assumption; adjust it from a build's measured usage.
    /// </summary>
    public double CompletionTokensPerInputToken { get; init; } = 1.0;

    /// <summary>Completion tokens expected for any chunk on top of the proportional part (the JSON skeleton). Default 20.</summary>
    public int CompletionBaseTokens { get; init; } = 20;
}
