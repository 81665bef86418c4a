using Chatbot.Knowledge.Graph.Communities;
using Chatbot.Knowledge.Indexing.Analysis;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class DatasetCommunitiesTests
{
    private static readonly (string, string)[] Documents =
    [
        ("lab-1", "Bruno Costa leads the Vega Lab. The Vega Lab is located in Lisbon."),
        ("lab-2", "The Vega Lab collaborates with the Lisbon Institute. Bruno Costa is a member of the Lisbon Institute."),
        ("bank-1", "Mara Lind leads the Nordbank. The Nordbank is located in Oslo."),
        ("bank-2", "The Nordbank is funded by the Fjord Trust. Mara Lind is a member of the Fjord Trust."),
    ];

    [Fact]
    public void Summarize_TwoClusters_OneSummaryEachQuotingItsSentences()
    {
        var graph = GraphFixture.Build(2, Documents);
        var texts = Documents.ToDictionary(d => d.Item1 + ":0", d => d.Item2);

        var detected = DatasetCommunities.Detect(
            graph.Shards.SelectMany(s => s.Nodes), graph.Shards.SelectMany(s => s.Edges).DistinctBy(e => e.Key).ToList(), new CommunityOptions(), 10, 3);
        var summaries = detected.Summarize(texts.GetValueOrDefault);

        Assert.Equal(2, summaries.Count);
        Assert.Contains(summaries, s => s.Entities.Any(e => e.Name == "Vega Lab") && s.Text.Contains("Vega Lab", StringComparison.Ordinal)
            && s.Entities.All(e => e.Name is not ("Nordbank" or "Fjord Trust")));
        Assert.All(summaries, s => Assert.NotEmpty(s.Chunks));
        Assert.Subset(texts.Keys.ToHashSet(), detected.ChunkIds.ToHashSet());
    }

    [Fact]
    public void CommunityRanker_BroadQuestion_MatchesItsCommunityOnly()
    {
        var graph = GraphFixture.Build(1, Documents);
        var texts = Documents.ToDictionary(d => d.Item1 + ":0", d => d.Item2);
        var summaries = DatasetCommunities.Detect(graph.Shards[0].Nodes, graph.Shards[0].Edges.ToList(), new CommunityOptions(), 10, 3)
            .Summarize(texts.GetValueOrDefault);

        using var analyzer = new MixedScriptAnalyzer();
        var ranked = new CommunityRanker(analyzer).Rank("What goes on around the Nordbank and the Fjord Trust?", summaries, 5);

        var top = Assert.Single(ranked);
        Assert.Contains(top.Summary.Entities, e => e.Name == "Nordbank");
    }
}
