using Chatbot.Testing.Knowledge;
using Chatbot.Grains.Knowledge;
using Chatbot.Hosting;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Bm25;
using Chatbot.Knowledge.Indexing.Fusion;
using Chatbot.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Xunit;
using static Chatbot.Grains.Tests.Knowledge.KnowledgeSteps;

namespace Chatbot.Grains.Tests.Knowledge;

/// <summary>A knowledge base spread over a two-silo cluster behaves exactly like one index on one machine.</summary>
public sealed class DistributedKnowledgeTests(KnowledgeClusterFixture fixture) : IClassFixture<KnowledgeClusterFixture>
{
    private const string Tenant = "spread";

    private static readonly double DenseWeight = new KnowledgeOptions().HybridDenseWeight;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] s_documents =
    [
        "Solar panels convert sunlight into electricity. Panel efficiency drops as temperature rises.",
        "Wind turbines generate electricity from moving air. Offshore turbines face stronger winds.",
        "Battery storage smooths the output of solar and wind plants during the night.",
        "Hydroelectric dams store water and release it through turbines when demand peaks.",
        "Heat pumps move heat instead of burning fuel, which makes them efficient in mild climates.",
        "The grid operator balances supply and demand every second across the whole network.",
        "太阳能电池板把阳光转换成电能。温度升高时效率会下降。",
        "风力发电机利用流动的空气发电。海上风机面对更强的风。",
    ];

    private static readonly string[] s_queries =
        ["solar panel efficiency", "turbines electricity wind", "night storage battery", "风力发电", "太阳能 效率", "grid balances demand"];

    [Fact]
    public async Task Search_DatasetOverTwoSilos_PartitionsOnBothSilosAndResultsEqualOneIndex()
    {
        var dataset = "ds-" + Guid.NewGuid().ToString("N")[..10];
        var kb = fixture.Client.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(Tenant, dataset));
        for (var i = 0; i < s_documents.Length; i++)
        {
            // Each document repeats its paragraph so it spans several chunks and every partition gets some.
            await UploadAsync(kb, $"doc-{i}", $"doc-{i}.txt", string.Join("\n\n", Enumerable.Repeat(s_documents[i], 4).Select((p, n) => $"{p} (part {n})")));
        }

        var status = await WaitUntilSettledAsync(kb);
        Assert.Equal(s_documents.Length, status.Done);

        var search = fixture.Client.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(Tenant, dataset));
        var reference = await SingleIndexAsync(dataset);
        foreach (var mode in new[] { SearchModes.Bm25, SearchModes.Dense, SearchModes.Hybrid })
        {
            foreach (var query in s_queries)
            {
                var distributed = await search.SearchAsync(new SearchQuery { Text = query, Mode = mode, TopK = 5 }, Ct);
                var single = reference(query, mode, 5);

                Assert.Equal(single.Select(h => h.ChunkId), distributed.Select(h => h.ChunkId));
                Assert.Equal(single.Select(h => h.Score), distributed.Select(h => h.Score), (x, y) => Math.Abs(x - y) < 1e-9);
            }
        }

        var partitionIds = Enumerable.Range(0, KnowledgeClusterFixture.Partitions)
            .Select(p => fixture.Client.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(Tenant, dataset, p)).GetGrainId())
            .ToHashSet();
        var stats = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, Ct);
        Assert.Equal(2, stats.Where(s => partitionIds.Contains(s.GrainId)).Select(s => s.SiloAddress).Distinct().Count());
    }

    [Fact]
    public async Task IndexJob_SiloRunningItKilledMidJob_ResumesOnTheOtherSiloAndFinishes()
    {
        await using var cluster = new KnowledgeClusterFixture { StorageProvider = StorageProviders.Embedded };
        await cluster.InitializeAsync();
        var kb = cluster.Client.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(Tenant, "killed"));
        await UploadAsync(kb, "held.txt", "held.txt", $"{HoldingEmbeddingGenerator.HoldMarker} " + Paragraphs("held", 3));
        await cluster.Embeddings.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var stats = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, Ct);
        var host = stats.Single(s => s.GrainId == kb.GetGrainId()).SiloAddress;
        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)), Ct);
        cluster.Embeddings.Release();
        var status = await WaitUntilSettledAsync(kb);

        Assert.Equal(DocumentState.Done, status.Documents.Single().State);
        Assert.True(status.ChunkCount > 0);
        Assert.Equal(status.ChunkCount, await SearchableChunksAsync(cluster, "killed"));
    }

    private static async Task<int> SearchableChunksAsync(KnowledgeClusterFixture cluster, string dataset)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, KnowledgeClusterFixture.Partitions)
            .Select(p => cluster.Client.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(Tenant, dataset, p)).CountAsync()));
        return counts.Sum();
    }

    // The reference: every chunk of the dataset in ONE index, searched with its own statistics and the same candidate
    // depth and fusion as the distributed search.
    private async Task<Func<string, string, int, IReadOnlyList<ScoredChunk>>> SingleIndexAsync(string dataset)
    {
        var analyzer = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ITextAnalyzer>();
        var chunks = new List<Chatbot.Knowledge.Store.StoredChunk>();
        for (var p = 0; p < KnowledgeClusterFixture.Partitions; p++)
        {
            chunks.AddRange(await fixture.Store.LoadPartitionAsync(Tenant, dataset, p, Ct));
        }

        var index = new PartitionIndex(analyzer, chunks[0].Vector.Length);
        foreach (var c in chunks)
        {
            index.Upsert(new IndexedChunk(c.ChunkId, c.DocumentId, c.DocumentDate), c.ContextText, c.Vector);
        }

        return (text, mode, topK) =>
        {
            var depth = KnowledgeSearchGrain.CandidateDepth(topK);
            var query = Bm25Query.Parse(analyzer, text);
            var bm25 = index.SearchBm25(query, index.GetStatistics(query), depth);
            var vector = fixture.Embeddings.GenerateAsync([text], cancellationToken: Ct).GetAwaiter().GetResult()[0].Vector.ToArray();
            var dense = index.SearchDense(vector, depth);
            return mode switch
            {
                SearchModes.Bm25 => bm25.Take(topK).ToList(),
                SearchModes.Dense => dense.Take(topK).ToList(),
                _ => HybridFusion.Fuse(new RankedRoute(SearchRoutes.Bm25, bm25, 1 - DenseWeight), new RankedRoute(SearchRoutes.Dense, dense, DenseWeight), topK)
                    .Select(f => new ScoredChunk(f.ChunkId, f.DocumentId, f.Score)).ToList(),
            };
        };
    }
}
