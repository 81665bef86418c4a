using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Storage;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class KnowledgeGraphShardTests
{
    private readonly EntityResolver _resolver = new();

    [Fact]
    public void RemoveDocument_EdgeStatedByTwoDocuments_StaysWithRecomputedConfidence()
    {
        var shard = new KnowledgeGraphShard();
        shard.AddDocument(GraphFixture.Document("a", "The Orion Group is funded by the Helios Foundation.", _resolver));
        shard.AddDocument(GraphFixture.Document("b", "The Helios Foundation funds the Orion Group. Dr. Jane Roe leads the Helios Foundation.", _resolver));
        var funded = shard.Edges.Single(e => e.Relation == RelationType.FundedBy);
        Assert.Equal(GraphEdge.Combine([0.9, 0.85]), funded.Confidence, 6);

        var removal = shard.RemoveDocument("b");

        var kept = Assert.Single(shard.Edges);
        Assert.Equal(RelationType.FundedBy, kept.Relation);
        Assert.Equal(0.9, kept.Confidence, 6);
        Assert.Equal("a", Assert.Single(kept.Supports).DocumentId);
        Assert.Equal([_resolver.Resolve("Jane Roe")], removal.RemovedEntityIds);
        Assert.Equal([funded.Key], removal.WeakenedEdges);
        Assert.All(shard.Nodes, n => Assert.All(n.Chunks, c => Assert.Equal("a", c.DocumentId)));
        Assert.Equal(["a"], shard.DocumentIds);
    }

    [Fact]
    public void AddDocument_SameDocumentAgain_ReplacesItsContribution()
    {
        var shard = new KnowledgeGraphShard();
        shard.AddDocument(GraphFixture.Document("a", "Alice Smith leads Project Falcon.", _resolver));

        shard.AddDocument(GraphFixture.Document("a", "Alice Smith is a member of the Orion Group.", _resolver));

        Assert.Equal(RelationType.MemberOf, Assert.Single(shard.Edges).Relation);
        Assert.Null(shard.GetNode(_resolver.Resolve("Project Falcon")));
        Assert.Equal(2, shard.NodeCount);
    }

    [Fact]
    public void GetNode_MergesVariantsUnderOneId()
    {
        var shard = new KnowledgeGraphShard();
        shard.AddDocument(GraphFixture.Document("a", "The World Health Organization (WHO) funds Project Falcon.", _resolver));
        shard.AddDocument(GraphFixture.Document("b", "Dr. Alice Smith leads Project Falcon. Alice Smith joined the WHO.", _resolver));

        var who = shard.GetNode(_resolver.Resolve("WHO"))!;
        var alice = shard.GetNode(_resolver.Resolve("alice smith"))!;

        Assert.Equal("World Health Organization", who.Name);
        Assert.Contains("WHO", who.Names);
        Assert.Equal(EntityType.Person, alice.Type);
        Assert.Equal(["Alice Smith", "Dr. Alice Smith"], alice.Names.Order());
        Assert.Equal(["a:0", "b:0"], who.Chunks.Select(c => c.ChunkId).Order());
    }

    [Fact]
    public void FindEntities_WholeNameScoresOneAndPartialLess()
    {
        var shard = new KnowledgeGraphShard();
        shard.AddDocument(GraphFixture.Document("a", "Alice Smith leads Project Falcon. The Orion Group is funded by the WHO. 张伟是猎户座集团的成员。", _resolver));

        var matches = shard.FindEntities("Which group does the person leading Project Falcon belong to? Ask who knows.", 10);
        var acronym = shard.FindEntities("Is the WHO involved?", 10);
        var chinese = shard.FindEntities("领导猎鹰项目的人是谁？猎户座集团呢", 10);

        Assert.Equal(("Project Falcon", 1.0), (matches[0].Node.Name, matches[0].Score));
        Assert.InRange(matches.Single(m => m.Node.Name == "Orion Group").Score, 0.2, 0.8);
        Assert.Equal(("猎户座集团", 1.0), (chinese[0].Node.Name, chinese[0].Score));
        Assert.DoesNotContain(matches, m => m.Node.Name == "WHO");
        Assert.Equal(("WHO", 1.0), (acronym[0].Node.Name, acronym[0].Score));
    }

    [Fact]
    public void WriteTo_ReadFrom_RoundTripsAndStillRemovesByDocument()
    {
        var shard = new KnowledgeGraphShard();
        shard.AddDocument(GraphFixture.Document("a", "Alice Smith leads Project Falcon. 猎户座集团由太阳神基金会资助。", _resolver));
        shard.AddDocument(GraphFixture.Document("b", "Alice Smith is a member of the Orion Group, based in Berlin.", _resolver));
        using var stream = new MemoryStream();

        shard.WriteTo(stream);
        stream.Position = 0;
        var loaded = KnowledgeGraphShard.ReadFrom(stream);

        Assert.Equal(Describe(shard), Describe(loaded));
        Assert.Equal(shard.FindEntities("Project Falcon", 5).Select(m => (m.Node.Id, m.Score)), loaded.FindEntities("Project Falcon", 5).Select(m => (m.Node.Id, m.Score)));
        loaded.RemoveDocument("b");
        shard.RemoveDocument("b");
        Assert.Equal(Describe(shard), Describe(loaded));
    }

    [Fact]
    public void ReadFrom_OtherFormat_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        new Chatbot.Knowledge.Indexing.Bm25.Bm25Index().WriteTo(stream);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => KnowledgeGraphShard.ReadFrom(stream));
    }

    [Fact]
    public async Task GraphShardSet_AnyPartitionCount_SameGraph()
    {
        (string, string)[] documents =
        [
            ("a", "Alice Smith leads Project Falcon. Bob Stone joined Globex."),
            ("b", "Project Falcon depends on the Ledger Service. The Ledger Service is located in Berlin."),
            ("c", "Globex collaborates with Initech. Initech is funded by the Helios Foundation."),
        ];
        var single = GraphFixture.Build(1, documents);
        var split = GraphFixture.Build(4, documents);
        var ids = single.Shards[0].Nodes.Select(n => n.Id).ToList();

        var singleEdges = await single.GetEdgesAsync(ids, TestContext.Current.CancellationToken);
        var splitEdges = await split.GetEdgesAsync(ids, TestContext.Current.CancellationToken);

        Assert.Equal(singleEdges.Select(e => $"{e.Key} {e.Confidence:R}").Order(), splitEdges.Select(e => $"{e.Key} {e.Confidence:R}").Order());
        Assert.Equal(ids.Count, split.Shards.Sum(s => s.NodeCount));
        Assert.True(split.Shards.Count(s => s.NodeCount > 0) > 1);
    }

    private static string Describe(KnowledgeGraphShard shard) =>
        string.Join('\n', shard.Nodes.Select(n => $"{n.Id} {n.Name} {n.Type} [{string.Join(',', n.Names)}] [{string.Join(',', n.Chunks.OrderBy(c => c.ChunkId, StringComparer.Ordinal))}]"))
        + "\n" + string.Join('\n', shard.Edges.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal)
            .Select(e => $"{e.Key} {e.Confidence:R} {string.Join(',', e.Supports.OrderBy(s => s.ChunkId, StringComparer.Ordinal))}"));
}
