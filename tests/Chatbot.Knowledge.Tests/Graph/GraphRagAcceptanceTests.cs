using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

/// <summary>The multi-hop question the graph exists for, end to end: extraction, resolution, shards, traversal.</summary>
public sealed class GraphRagAcceptanceTests
{
    private static readonly (string, string)[] English =
    [
        ("doc-lead", "Alice Smith leads Project Falcon."),
        ("doc-member", "Alice Smith is a member of the Orion Group."),
        ("doc-fund", "The Orion Group is funded by the Helios Foundation."),
    ];

    private static readonly (string, string)[] Chinese =
    [
        ("doc-lead", "张伟领导猎鹰项目。"),
        ("doc-member", "张伟是猎户座集团的成员。"),
        ("doc-fund", "猎户座集团由太阳神基金会资助。"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task SearchAsync_EnglishThreeHopQuestion_TopPathEndsAtTheFunder(int partitions)
    {
        var graph = GraphFixture.Build(partitions, English);

        var result = await new GraphTraversal(graph).SearchAsync(
            "Who funds the group of the person leading Project Falcon?", maxHops: 3, TestContext.Current.CancellationToken);

        var top = result.Paths[0];
        Assert.Equal("Project Falcon ← leads — Alice Smith — member_of → Orion Group — funded_by → Helios Foundation", top.ToString());
        Assert.Equal("Helios Foundation", top.Answer.Name);
        Assert.Equal(
            "Project Falcon is led by Alice Smith; Alice Smith is a member of Orion Group; Orion Group is funded by Helios Foundation",
            top.Describe());
        Assert.Equal(["doc-lead:0", "doc-member:0", "doc-fund:0"], top.Steps.Select(s => Assert.Single(s.SupportingChunks).ChunkId));
        Assert.Equal(4, result.NodesExplored);
    }

    [Fact]
    public async Task SearchAsync_ChineseThreeHopQuestion_TopPathEndsAtTheFunder()
    {
        var graph = GraphFixture.Build(3, Chinese);

        var result = await new GraphTraversal(graph).SearchAsync(
            "资助领导猎鹰项目的人所在集团的是谁？", maxHops: 3, TestContext.Current.CancellationToken);

        var top = result.Paths[0];
        Assert.Equal("猎鹰项目 ← leads — 张伟 — member_of → 猎户座集团 — funded_by → 太阳神基金会", top.ToString());
        Assert.Equal("太阳神基金会", top.Answer.Name);
        Assert.Equal(["doc-lead:0", "doc-member:0", "doc-fund:0"], top.Steps.Select(s => Assert.Single(s.SupportingChunks).ChunkId));
    }

    [Fact]
    public async Task RemoveDocument_OnlyItsEdgesAndEntitiesGo()
    {
        var graph = GraphFixture.Build(3, English);
        var edgesBefore = graph.Shards.SelectMany(s => s.Edges).Select(e => e.Key).ToHashSet();

        var removal = graph.RemoveDocument("doc-fund");

        var nodes = graph.Shards.SelectMany(s => s.Nodes).Select(n => n.Name).Order().ToList();
        var edges = graph.Shards.SelectMany(s => s.Edges).Select(e => e.Key).ToHashSet();
        Assert.Equal(["Alice Smith", "Orion Group", "Project Falcon"], nodes);
        Assert.Equal(2, edges.Count);
        Assert.Equal(edgesBefore.Where(k => k.Relation != Chatbot.Knowledge.Graph.RelationType.FundedBy).ToHashSet(), edges);
        Assert.Equal((1, 1, 0), (removal.RemovedEntityIds.Count, removal.RemovedEdges.Count, removal.WeakenedEdges.Count));
        Assert.DoesNotContain(graph.Shards.SelectMany(s => s.Nodes).SelectMany(n => n.Chunks), c => c.DocumentId == "doc-fund");

        var result = await new GraphTraversal(graph).SearchAsync(
            "Who funds the group of the person leading Project Falcon?", maxHops: 3, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(result.Paths, p => p.Answer.Name == "Helios Foundation");
    }
}
