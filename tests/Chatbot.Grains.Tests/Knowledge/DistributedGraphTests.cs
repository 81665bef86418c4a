using Chatbot.Knowledge;
using Orleans.Runtime;
using Xunit;
using static Chatbot.Grains.Tests.Knowledge.KnowledgeSteps;

namespace Chatbot.Grains.Tests.Knowledge;

/// <summary>
/// A dataset's graph spread over the partitions of a two-silo cluster: every partition holds a shard, the partitions
/// live on both silos, and graph search answers exactly as the same documents in a one-partition dataset do.
/// </summary>
public sealed class DistributedGraphTests(KnowledgeClusterFixture fixture) : IClassFixture<KnowledgeClusterFixture>
{
    private const string Tenant = "graph-spread";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] s_documents =
    [
        "Alice Smith leads Project Falcon. Project Falcon depends on the Kestrel Engine.",
        "Alice Smith is a member of the Orion Group. Bob Jones is a member of the Orion Group.",
        "The Orion Group is funded by the Helios Foundation. The Helios Foundation is located in Geneva.",
        "Bob Jones leads Project Heron. Project Heron is funded by the Nova Trust.",
        "The Kestrel Engine is produced by Vireo Systems. Vireo Systems is located in Oslo.",
        "The Nova Trust was founded by Clara Diaz. Clara Diaz is a member of the Helios Foundation.",
        "Vireo Systems collaborates with the Orion Group. Dana White leads Vireo Systems.",
        "The Helios Foundation funds Project Falcon. Geneva is located in Switzerland.",
    ];

    private static readonly string[] s_queries =
    [
        "Who funds the group of the person leading Project Falcon?",
        "Where is the company that produces the Kestrel Engine located?",
        "Who founded the trust funding Project Heron?",
        "Who leads Vireo Systems?",
        "What does Project Falcon depend on?",
    ];

    [Fact]
    public async Task SearchGraph_DatasetOverTwoSilos_ShardsOnBothSilosAndResultsEqualOnePartition()
    {
        await using var single = new KnowledgeClusterFixture { PartitionCount = 1 };
        await single.InitializeAsync();
        var dataset = "ds-" + Guid.NewGuid().ToString("N")[..10];
        var spread = await IndexAsync(fixture, dataset);
        var reference = await IndexAsync(single, dataset);

        foreach (var searchType in new[] { GraphSearchTypes.Graph, GraphSearchTypes.Hybrid })
        {
            foreach (var query in s_queries)
            {
                var request = new GraphSearchRequest { Query = query, SearchType = searchType, MaxHops = 3, TopK = 8 };
                var distributed = await spread.SearchGraphAsync(request, Ct);
                var one = await reference.SearchGraphAsync(request, Ct);

                Assert.NotEmpty(distributed.Paths);
                Assert.Equal(one.Hits.Select(h => (h.ChunkId, h.Source, h.GraphContext?.Path)), distributed.Hits.Select(h => (h.ChunkId, h.Source, h.GraphContext?.Path)));
                Assert.Equal(one.Hits.Select(h => h.Score), distributed.Hits.Select(h => h.Score), (x, y) => Math.Abs(x - y) < 1e-9);
                Assert.Equal(one.Paths.Select(p => (p.Text, p.Description)), distributed.Paths.Select(p => (p.Text, p.Description)));
                Assert.Equal(one.NodesExplored, distributed.NodesExplored);
            }
        }

        var partitions = Enumerable.Range(0, KnowledgeClusterFixture.Partitions)
            .Select(p => fixture.Client.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(Tenant, dataset, p)))
            .ToList();
        var shards = await Task.WhenAll(partitions.Select(p => p.ExportGraphAsync()));
        Assert.All(shards, s => Assert.NotEmpty(s.Nodes));
        var whole = await single.Client.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(Tenant, dataset, 0)).ExportGraphAsync();
        Assert.Equal(whole.Nodes.Select(n => n.Id).Order(), shards.SelectMany(s => s.Nodes).Select(n => n.Id).Order());
        Assert.Equal(whole.Edges.Count, shards.SelectMany(s => s.Edges).Select(e => (e.SourceId, e.Relation, e.TargetId)).Distinct().Count());

        var ids = partitions.Select(p => p.GetGrainId()).ToHashSet();
        var stats = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, Ct);
        Assert.Equal(2, stats.Where(s => ids.Contains(s.GrainId)).Select(s => s.SiloAddress).Distinct().Count());
    }

    private static async Task<IKnowledgeSearchGrain> IndexAsync(KnowledgeClusterFixture cluster, string dataset)
    {
        var kb = cluster.Client.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(Tenant, dataset));
        await kb.ConfigureAsync(new IndexSettings { IndexType = "hybrid", ChunkSize = 64, Overlap = 8 }, Ct);
        for (var i = 0; i < s_documents.Length; i++)
        {
            await UploadAsync(kb, $"doc-{i}", $"doc-{i}.txt", s_documents[i]);
        }

        var status = await WaitUntilSettledAsync(kb);
        Assert.Equal(s_documents.Length, status.Done);
        Assert.All(status.Documents, d => Assert.True(d.RelationCount > 0));
        return cluster.Client.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(Tenant, dataset));
    }
}
