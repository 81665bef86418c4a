using Chatbot.Knowledge.Graph.Extraction.Model;
using Chatbot.Knowledge.Ingestion;
using Microsoft.ML.Tokenizers;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class GraphBuildCostEstimatorTests
{
    private static readonly Tokenizer Tokenizer = IngestionTokenizer.CreateDefault();

    [Fact]
    public async Task Estimate_PromptTokens_CountThePromptTheExtractorSends()
    {
        string[] chunks = ["Alice Smith leads Project Falcon.", "张伟是猎户座集团的成员。", "   "];
        var model = new QueuedChatClient("""{"entities":[],"relations":[]}""", """{"entities":[],"relations":[]}""");
        var extractor = new ModelGraphExtractor(model);
        foreach (var chunk in chunks)
        {
            await extractor.ExtractAsync(chunk, TestContext.Current.CancellationToken);
        }

        var estimate = new GraphBuildCostEstimator(Tokenizer).Estimate(chunks);

        var sent = model.Prompts.Sum(p => p.Sum(m => Tokenizer.CountTokens(m.Text) + GraphBuildCostEstimator.TokensPerMessage) + GraphBuildCostEstimator.ReplyPrimingTokens);
        Assert.Equal(2, estimate.Chunks);
        Assert.Equal(model.Prompts.Count, estimate.ModelCalls);
        Assert.Equal(6, estimate.MaxModelCalls);
        Assert.Equal(sent, estimate.PromptTokens);
    }

    [Fact]
    public void Estimate_CompletionTokens_ProportionalToChunkAndCapped()
    {
        var options = new ModelGraphExtractorOptions { CompletionTokensPerInputToken = 2, CompletionBaseTokens = 10, MaxOutputTokens = 50 };
        var estimator = new GraphBuildCostEstimator(Tokenizer, options);
        const string shortChunk = "Alice Smith leads Project Falcon.";
        var longChunk = string.Concat(Enumerable.Repeat("Alice Smith leads Project Falcon. ", 20));

        var estimate = estimator.Estimate([shortChunk, longChunk]);

        Assert.Equal(10 + (2 * Tokenizer.CountTokens(shortChunk)) + 50, estimate.CompletionTokens);
        Assert.Equal(estimate.PromptTokens + estimate.CompletionTokens, estimate.TotalTokens);
    }
}
