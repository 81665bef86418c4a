using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Extraction;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Storage;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

public sealed class DocumentGraphTests
{
    [Fact]
    public void Build_AcronymDefinedInALaterChunk_ResolvesEverywhere()
    {
        var extractor = new PatternGraphExtractor();
        string[] texts = ["The WHO funds Project Falcon.", "The World Health Organization (WHO) is located in Geneva."];
        var chunks = texts.Select((t, i) => new ChunkExtraction($"d:{i}", t, extractor.Extract(t))).ToList();
        var resolver = new EntityResolver();

        var graph = DocumentGraph.Build("d", chunks, resolver);

        var who = resolver.Resolve("World Health Organization");
        Assert.Contains(graph.Edges, e => e.Key == new EdgeKey(resolver.Resolve("Project Falcon"), RelationType.FundedBy, who) && e.ChunkId == "d:0");
        Assert.Contains(graph.Edges, e => e.Key.SourceId == who && e.Key.Relation == RelationType.LocatedIn && e.ChunkId == "d:1");
        Assert.Equal(["WHO", "World Health Organization"], graph.Nodes.Where(n => n.EntityId == who).Select(n => n.Name).Distinct().Order());
    }

    [Fact]
    public void Build_SymmetricRelationsOneEdgeAndSelfRelationsDropped()
    {
        var extraction = new GraphExtraction(
            [new ExtractedEntity("Acme", EntityType.Organization), new ExtractedEntity("Globex", EntityType.Organization), new ExtractedEntity("Acme Inc.", EntityType.Organization)],
            [
                new ExtractedRelation("Acme", RelationType.CollaboratesWith, "Globex", 0.8, 0, 5),
                new ExtractedRelation("Globex", RelationType.CollaboratesWith, "Acme", 0.6, 0, 5),
                new ExtractedRelation("Acme", RelationType.RelatedTo, "Acme Inc.", 0.2, 0, 5),
            ]);

        var graph = DocumentGraph.Build("d", [new ChunkExtraction("d:0", "Acme and Globex.", extraction)], new EntityResolver());

        var edge = Assert.Single(graph.Edges);
        Assert.Equal(0.8, edge.Confidence);
    }

    [Fact]
    public void ForPartition_EachNodeOnceAndEachEdgeWithBothEndpoints()
    {
        var graph = GraphFixture.Document("d", "Alice Smith leads Project Falcon. Alice Smith joined Globex. Globex is located in Berlin.", new EntityResolver());

        var parts = Enumerable.Range(0, 3).Select(p => graph.ForPartition(p, 3)).ToList();

        Assert.Equal(graph.Nodes.Count, parts.Sum(p => p.Nodes.Count));
        Assert.All(graph.Edges, e => Assert.Equal(
            new[] { e.Key.SourceId, e.Key.TargetId }.Select(id => EntityPartitioner.PartitionOf(id, 3)).Distinct().Count(),
            parts.Count(p => p.Edges.Contains(e))));
    }
}
