using Chatbot.Agents.Memory;
using Chatbot.Knowledge.Embeddings;
using Chatbot.Memory;
using Xunit;

namespace Chatbot.Agents.Tests.Memory;

public sealed class FactIndexTests
{
    private static MemoryFact Fact(string id, string text) => new() { Id = id, Text = text, Kind = MemoryFactKinds.Stated };

    [Fact]
    public void Search_Query_RecallsTheMostSimilarFactFirst()
    {
        using var embedder = new HashingEmbeddingGenerator();
        var index = new FactIndex(embedder);
        index.Add(Fact("1", "My name is Ana"));
        index.Add(Fact("2", "I work at Contoso in the finance team"));
        index.Add(Fact("3", "Our fiscal year starts in April"));

        var recalled = index.Search("when does the fiscal year start?", 2, 0.1);

        Assert.Equal("3", recalled[0].Fact.Id);
        Assert.All(recalled, r => Assert.InRange(r.Score, 0.1, 1.0));
    }

    [Fact]
    public void Search_BelowMinimumScore_RecallsNothing()
    {
        using var embedder = new HashingEmbeddingGenerator();
        var index = new FactIndex(embedder);
        index.Add(Fact("1", "My name is Ana"));

        Assert.Empty(index.Search("quarterly revenue of the Oslo office", 5, 0.3));
    }

    [Fact]
    public void Contains_SameFactDifferentSpacingAndCase_True()
    {
        using var embedder = new HashingEmbeddingGenerator();
        var index = new FactIndex(embedder);
        index.Add(Fact("1", "My name is Ana."));

        Assert.True(index.Contains("my  name is ANA"));
        Assert.True(index.Remove("1"));
        Assert.False(index.Contains("my name is ana"));
    }
}
