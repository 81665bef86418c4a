using Chatbot.Knowledge.Graph.Communities;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Storage;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class CommunitySummarizerTests
{
    private const string Orion =
        "Alice Smith leads Project Falcon. Alice Smith is a member of the Orion Group. The Orion Group is funded by the Helios Foundation. " +
        "The weather was mild. Bob Stone is a member of the Orion Group.";

    private const string Berlin = "Globex is located in Berlin. Initech is located in Berlin.";

    [Fact]
    public void Summarize_RanksHubFirstAndQuotesItsSentences()
    {
        var resolver = new EntityResolver();
        var shard = new KnowledgeGraphShard();
        shard.AddDocument(GraphFixture.Document("orion", Orion, resolver));
        shard.AddDocument(GraphFixture.Document("berlin", Berlin, resolver));
        var nodes = shard.Nodes.ToDictionary(n => n.Id);
        var members = new[] { "Alice Smith", "Project Falcon", "Orion Group", "Helios Foundation", "Bob Stone" }.Select(resolver.Resolve).Order(StringComparer.Ordinal).ToList();
        var texts = new Dictionary<string, string> { ["orion:0"] = Orion, ["berlin:0"] = Berlin };

        var summary = new CommunitySummarizer(maxEntities: 3, maxSentences: 2).Summarize(new Community(0, 7, members, null), shard.Edges, nodes, texts.GetValueOrDefault);

        Assert.Equal((0, 7), (summary.Level, summary.CommunityId));
        Assert.Equal(["Orion Group", "Alice Smith"], summary.TopEntities.Take(2).Select(e => e.Name));
        Assert.Equal(3, summary.TopEntities.Count);
        Assert.Equal(2, summary.Sentences.Count);
        Assert.All(summary.Sentences, s =>
        {
            Assert.Equal("orion:0", s.ChunkId);
            Assert.Equal(Orion[s.Start..s.End], s.Text);
            Assert.Contains("Orion Group", s.Text, StringComparison.Ordinal);
        });
        Assert.StartsWith("Orion Group, Alice Smith, ", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("weather", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Entities_TwoSeparateClustersTwoCommunities()
    {
        var edges = new List<GraphEdge>();
        foreach (var cluster in new[] { "a", "b" })
        {
            for (var i = 0; i < 5; i++)
            {
                for (var j = i + 1; j < 5; j++)
                {
                    edges.Add(new GraphEdge(new EdgeKey($"{cluster}{i}", Chatbot.Knowledge.Graph.RelationType.RelatedTo, $"{cluster}{j}"), 0.5, []));
                }
            }
        }

        var communities = new CommunityDetector().Detect(edges);

        var top = communities.At(communities.LevelCount - 1);
        Assert.Equal([["a0", "a1", "a2", "a3", "a4"], ["b0", "b1", "b2", "b3", "b4"]], top.Select(c => c.EntityIds).OrderBy(ids => ids[0], StringComparer.Ordinal));
        Assert.All(top, c => Assert.Null(c.ParentId));
        Assert.Equal(communities.Hierarchy.Levels.Sum(l => l.Count), communities.All.Count());
    }
}
