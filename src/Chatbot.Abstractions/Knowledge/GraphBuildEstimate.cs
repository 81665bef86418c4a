namespace Chatbot.Knowledge;

/// <summary>
/// What building a dataset's graph with the model extractor would cost (<c>GET /api/v1/knowledge/graph/estimate/{dataset_id}</c>):
/// prompt tokens counted exactly with the o200k tokenizer over the dataset's indexed chunks, completion tokens estimated.
/// </summary>
[GenerateSerializer, Immutable, Alias("chatbot.GraphBuildEstimate")]
public sealed record GraphBuildEstimate
{
    /// <summary>The dataset.</summary>
    [Id(0)] public required string DatasetId { get; init; }

    /// <summary>The extractor configured now (<c>pattern</c> costs no model calls; the figures are for <c>model</c>).</summary>
    [Id(1)] public required string Extractor { get; init; }

    /// <summary>Chunks with text.</summary>
    [Id(2)] public int Chunks { get; init; }

    /// <summary>Expected model calls: one per chunk.</summary>
    [Id(3)] public int ModelCalls { get; init; }

    /// <summary>Calls if every chunk needed every attempt.</summary>
    [Id(4)] public int MaxModelCalls { get; init; }

    /// <summary>Expected prompt tokens.</summary>
    [Id(5)] public long PromptTokens { get; init; }

    /// <summary>Expected completion tokens.</summary>
    [Id(6)] public long CompletionTokens { get; init; }

    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;
}
