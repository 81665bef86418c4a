using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Building;
using Chatbot.Knowledge.Graph.Extraction;
using Chatbot.Knowledge.Graph.Extraction.Model;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Retrieval;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;
using Xunit;

namespace Chatbot.Knowledge.Tests.Graph;

/// <summary>The graph as the platform stores and searches it: document parts, seeds, the graph route's chunks.</summary>
public sealed class GraphRetrievalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void DocumentGraph_ToBytesFromBytes_RoundTripsEachPartitionsPart()
    {
        var graph = GraphFixture.Document("doc", "Alice Smith leads Project Falcon. The Orion Group is funded by the Helios Foundation.", new EntityResolver());

        var parts = DocumentGraphBuilder.Split(graph, 3);
        var read = parts.Select(p => DocumentGraph.FromBytes(p.Graph)).ToList();

        Assert.Equal(parts.Select(p => p.Partition), parts.Select(p => p.Partition).Distinct());
        Assert.All(read, r => Assert.Equal("doc", r.DocumentId));
        Assert.Equal(graph.Nodes.OrderBy(n => n.EntityId).ThenBy(n => n.Name), read.SelectMany(r => r.Nodes).OrderBy(n => n.EntityId).ThenBy(n => n.Name));
        Assert.Equal(graph.Edges.Select(e => e.Key).ToHashSet(), read.SelectMany(r => r.Edges).Select(e => e.Key).ToHashSet());
        Assert.Throws<InvalidDataException>(() => DocumentGraph.FromBytes([1, 2, 3]));
    }

    [Fact]
    public void AddDocuments_ManyAtOnce_SameShardAsOneByOne()
    {
        var resolver = new EntityResolver();
        var graphs = new[] { "Alice Smith leads Project Falcon.", "Alice Smith is a member of the Orion Group.", "Dr. Alice Smith founded Falcon Labs." }
            .Select((text, i) => GraphFixture.Document($"d{i}", text, resolver)).ToList();
        var (bulk, single) = (new KnowledgeGraphShard(), new KnowledgeGraphShard());

        bulk.AddDocuments(graphs);
        graphs.ForEach(single.AddDocument);

        Assert.Equal(single.Nodes.Select(n => (n.Id, n.Name, string.Join('|', n.Names))), bulk.Nodes.Select(n => (n.Id, n.Name, string.Join('|', n.Names))));
        Assert.Equal(single.FindEntities("Who is Alice Smith?", 5).Select(m => (m.Node.Id, m.Score)), bulk.FindEntities("Who is Alice Smith?", 5).Select(m => (m.Node.Id, m.Score)));
        Assert.Equal(single.EdgeCount, bulk.EdgeCount);
    }

    [Fact]
    public async Task DocumentGraphBuilder_ChunkTheModelGivesUpOn_CountedAndTheOthersKept()
    {
        var builder = new DocumentGraphBuilder(new FailingOn("broken"), maxConcurrentExtractions: 2);

        var build = await builder.BuildAsync("doc", [("doc:0", "Alice Smith leads Project Falcon."), ("doc:1", "broken")], new EntityResolver(), Ct);

        Assert.Equal(1, build.FailedChunks);
        Assert.Equal(["Alice Smith", "Project Falcon"], build.Graph.Nodes.Select(n => n.Name).Distinct().Order());
    }

    [Fact]
    public async Task SearchAsync_NameInsideALongerOne_OnlyTheLongerSeeds()
    {
        var graph = GraphFixture.Build(1,
            ("a", "Project Falcon is funded by the Helios Foundation."), ("b", "Falcon is a member of the Rock Hall."),
            ("c", "In 1945 the Helios Foundation was located in Oslo."));

        var result = await new GraphTraversal(graph).SearchAsync("Who funded Project Falcon in 1945?", 1, Ct);

        Assert.Equal(["Project Falcon"], result.Seeds.Select(s => s.Node.Name));
    }

    [Theory]
    [InlineData("Where is the government of Norway?", false)]
    [InlineData("Where is Government based?", true)]
    public void FindEntities_SingleCapitalisedWord_MatchesOnlyAsWritten(string query, bool matches)
    {
        var shard = new KnowledgeGraphShard();
        shard.AddDocument(GraphFixture.Document("a", "Government is located in Oslo.", new EntityResolver()));

        Assert.Equal(matches, shard.FindEntities(query, 5).Any(m => m.Node.Name == "Government" && m.Score == 1));
    }

    [Fact]
    public async Task GraphChunkRanking_SeedHomeFirstThenPathChunksAndTheAnswersHome()
    {
        var texts = new Dictionary<string, string>
        {
            ["intro:0"] = "Vireo Systems is a maker of engines. Vireo Systems is located in Oslo.",
            ["engine:0"] = "The Kestrel Engine is produced by Vireo Systems.",
            ["list:0"] = "Engines: the Kestrel Engine, the Osprey Engine and others.",
        };
        var graph = GraphFixture.Build(1, [.. texts.Select(t => (t.Key.Split(':')[0], t.Value))]);
        var result = await new GraphTraversal(graph).SearchAsync("Where is the maker of the Kestrel Engine based?", 2, Ct);

        var ranked = GraphChunkRanking.Rank(result, new GraphFusionOptions(), id => texts.GetValueOrDefault(id));

        Assert.Equal("engine:0", ranked[0].Chunk.ChunkId);
        Assert.Equal("Kestrel Engine", ranked[0].Entity?.Name);
        Assert.Contains(ranked, h => h.Chunk.ChunkId == "intro:0" && h.Path?.Answer.Name == "Oslo");
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    private sealed class FailingOn(string text) : IGraphExtractor
    {
        private readonly PatternGraphExtractor _inner = new();

        public Task<GraphExtraction> ExtractAsync(string chunk, CancellationToken cancellationToken = default) =>
            chunk == text ? throw new GraphExtractionException("no usable JSON") : _inner.ExtractAsync(chunk, cancellationToken);
    }
}
