using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Traversal;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class GraphTraversalTests
{
    private static readonly (string, string)[] Documents =
    [
        ("a", "Alice Smith leads Project Falcon."),
        ("b", "Alice Smith is a member of the Orion Group."),
        ("c", "The Orion Group is funded by the Helios Foundation."),
        ("d", "The Orion Group is located in Berlin."),
        ("e", "The Helios Foundation was founded by Victor Hale."),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task SearchAsync_MaxHopsOutOfRange_Throws(int maxHops)
    {
        var traversal = new GraphTraversal(GraphFixture.Build(1, Documents));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => traversal.SearchAsync("Project Falcon", maxHops, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SearchAsync_MaxHops_BoundsPathLength()
    {
        var traversal = new GraphTraversal(GraphFixture.Build(2, Documents));

        var one = await traversal.SearchAsync("Tell me about Project Falcon", 1, TestContext.Current.CancellationToken);
        var five = await traversal.SearchAsync("Tell me about Project Falcon", 5, TestContext.Current.CancellationToken);

        Assert.Equal("Project Falcon ← leads — Alice Smith", Assert.Single(one.Paths).ToString());
        Assert.Equal(2, one.NodesExplored);
        Assert.Equal(6, five.NodesExplored);
        Assert.Contains(five.Paths, p => p.Answer.Name == "Victor Hale" && p.Steps.Count == 4);
    }

    [Fact]
    public async Task SearchAsync_NoRelationInQuestion_ShorterPathsFirst()
    {
        var traversal = new GraphTraversal(GraphFixture.Build(1, Documents));

        var result = await traversal.SearchAsync("Project Falcon", 3, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3, 3], result.Paths.Select(p => p.Steps.Count));
        Assert.True(result.Paths.Zip(result.Paths.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task SearchAsync_QuestionRelations_PickTheMatchingBranch()
    {
        var traversal = new GraphTraversal(GraphFixture.Build(1, Documents));

        var where = await traversal.SearchAsync("Where is the group of the person leading Project Falcon located?", 3, TestContext.Current.CancellationToken);
        var founder = await traversal.SearchAsync("Who founded the funder of the Orion Group?", 3, TestContext.Current.CancellationToken);

        Assert.Equal("Berlin", where.Paths[0].Answer.Name);
        Assert.Equal("Orion Group — funded_by → Helios Foundation — founded_by → Victor Hale", founder.Paths[0].ToString());
    }

    [Fact]
    public async Task SearchAsync_NothingNamed_NoPaths()
    {
        var traversal = new GraphTraversal(GraphFixture.Build(1, Documents));

        var result = await traversal.SearchAsync("What is the weather like?", 3, TestContext.Current.CancellationToken);

        Assert.Empty(result.Seeds);
        Assert.Empty(result.Paths);
        Assert.Equal(0, result.NodesExplored);
    }

    [Fact]
    public void QueryCues_EntityNamesDoNotCount()
    {
        Assert.Equal([RelationType.FundedBy], QueryCues.Find("What does the Helios Foundation fund?", ["Helios Foundation"]));
        Assert.Equal([RelationType.Leads, RelationType.MemberOf, RelationType.FundedBy],
            QueryCues.Find("资助领导猎鹰项目的人所在集团的是谁？", ["猎鹰项目"]).Order());
    }
}
