namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>What extracting a dataset's graph with a model is expected to cost.</summary>
/// <param name="Chunks">Chunks with text (empty chunks cost nothing: the extractor does not call the model for them).</param>
/// <param name="ModelCalls">Expected calls: one per chunk when every reply parses.</param>
/// <param name="MaxModelCalls">Calls if every chunk needed every attempt (<see cref="ModelGraphExtractorOptions.MaxAttempts"/>).</param>
/// <param name="PromptTokens">Expected prompt tokens over <paramref name="ModelCalls"/>, counted exactly with the tokenizer.</param>
/// <param name="CompletionTokens">Expected completion tokens, from <see cref="ModelGraphExtractorOptions.CompletionTokensPerInputToken"/>.</param>
public sealed record GraphBuildCostEstimate(int Chunks, int ModelCalls, int MaxModelCalls, long PromptTokens, long CompletionTokens)
{
    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;
}
