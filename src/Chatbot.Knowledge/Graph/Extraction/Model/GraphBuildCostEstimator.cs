using Microsoft.ML.Tokenizers;

namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>
/// Estimates a graph build's model usage before running it, so a tenant can see the bill first. Prompt tokens are
/// counted exactly: the prompt <see cref="ModelGraphExtractor"/> sends, tokenized (use
/// <see cref="Ingestion.IngestionTokenizer.CreateDefault"/>, o200k), plus the chat format's per-message overhead.
/// Completion tokens are an assumption proportional to the chunk (<see cref="ModelGraphExtractorOptions"/>).
/// Thread-safe.
/// </summary>
public sealed class GraphBuildCostEstimator
{
    /// <summary>Tokens the chat format adds per message (role and separators), as OpenAI documents for its chat models.</summary>
    public const int TokensPerMessage = 3;

    /// <summary>Tokens that prime the assistant's reply.</summary>
    public const int ReplyPrimingTokens = 3;

    private readonly Tokenizer _tokenizer;
    private readonly ModelGraphExtractorOptions _options;
    private readonly int _systemTokens;

    /// <summary>Creates an estimator counting with <paramref name="tokenizer"/>.</summary>
    public GraphBuildCostEstimator(Tokenizer tokenizer, ModelGraphExtractorOptions? options = null)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        _options = options ?? new ModelGraphExtractorOptions();
        _systemTokens = _tokenizer.CountTokens(GraphExtractionPrompt.System);
    }

    /// <summary>Estimates the cost of extracting every chunk in <paramref name="chunkTexts"/>.</summary>
    public GraphBuildCostEstimate Estimate(IEnumerable<string> chunkTexts)
    {
        ArgumentNullException.ThrowIfNull(chunkTexts);
        var (chunks, prompt, completion) = (0, 0L, 0L);
        foreach (var text in chunkTexts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            chunks++;
            var userTokens = _tokenizer.CountTokens(GraphExtractionPrompt.User(text));
            prompt += _systemTokens + userTokens + (2 * TokensPerMessage) + ReplyPrimingTokens;
            var expected = _options.CompletionBaseTokens + (int)Math.Ceiling(_options.CompletionTokensPerInputToken * _tokenizer.CountTokens(text));
            completion += _options.MaxOutputTokens is { } limit ? Math.Min(limit, expected) : expected;
        }

        return new GraphBuildCostEstimate(chunks, chunks, chunks * _options.MaxAttempts, prompt, completion);
    }
}
