using System.Diagnostics;
using Chatbot.Benchmarks.Load;
using Chatbot.Grains.Knowledge;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph.Building;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;
using Chatbot.Knowledge.Store;
using Chatbot.Testing.Knowledge;

namespace Chatbot.Benchmarks.Graph;

/// <summary>
/// Two-hop traversal latency on a synthetic graph spread over a dataset's partitions: the graph parts are written to the
/// knowledge store as the index job writes them, the partition grains of an in-process silo (the server's own
/// configuration) load them on activation, and each question is one <see cref="GraphTraversal"/> over
/// <see cref="PartitionGraphSource"/>, exactly as the graph route of <c>/api/v1/search/graph</c> runs it (one batch of
/// grain calls per hop). Baseline, in the same run: the same traversal over the same graph in one process
/// (<see cref="GraphShardSet"/>, no grains).
/// </summary>
internal static class GraphTraversalPhase
{
    private const string Tenant = "bench";
    private const string Dataset = "graph";
    private const int EdgesPerDocument = 50;
    private const int WarmupQueries = 20;

    public static async Task<GraphTraversalResult> RunAsync(SyntheticGraph data, int edges, int queries, CancellationToken cancellationToken)
    {
        var (documents, names) = data.Graph(edges, EdgesPerDocument);
        await using var silo = await KnowledgeSilo.StartAsync(cancellationToken: cancellationToken);
        var knowledgeBase = silo.Grains.GetGrain<IKnowledgeBaseGrain>(DatasetKey.Format(Tenant, Dataset));
        await knowledgeBase.ConfigureAsync(new IndexSettings { IndexType = "graph" }, cancellationToken);
        var partitionCount = await knowledgeBase.GetPartitionCountAsync();
        Progress.Write($"graph {edges:N0} edges: {documents.Count:N0} documents over {partitionCount} partitions, {names.Count:N0} entities");

        // 1. Store every document's parts as the index job does, and build the in-process baseline.
        var store = silo.Services.GetRequiredService<IKnowledgeStore>();
        var baseline = new GraphShardSet(partitionCount);
        foreach (var document in documents)
        {
            var parts = DocumentGraphBuilder.Split(document, partitionCount).Select(p => new StoredGraphPart(document.DocumentId, p.Partition, p.Graph)).ToList();
            await store.ReplaceGraphAsync(Tenant, Dataset, document.DocumentId, parts, cancellationToken);
            baseline.AddDocument(document);
        }

        // 2. Activate the partitions (each loads its shard from the store).
        var partitions = Enumerable.Range(0, partitionCount)
            .Select(p => silo.Grains.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(Tenant, Dataset, p)))
            .ToList();
        var loading = Stopwatch.GetTimestamp();
        var shards = await Task.WhenAll(partitions.Select(p => p.ExportGraphAsync()));
        var loadSeconds = Stopwatch.GetElapsedTime(loading).TotalSeconds;
        var stored = shards.SelectMany(s => s.Edges).Select(e => (e.SourceId, e.Relation, e.TargetId)).Distinct().Count();

        // 3. Two-hop questions naming one entity, alternating grains and baseline; a few untimed first.
        var random = new Random(7);
        var asked = Enumerable.Range(0, queries + WarmupQueries).Select(_ => $"What is connected to {names[random.Next(names.Count)]}?").ToList();
        var overGrains = new GraphTraversal(new PartitionGraphSource(partitions));
        var inProcess = new GraphTraversal(baseline);
        var (grainMs, baselineMs) = (new double[queries], new double[queries]);
        var explored = 0L;
        for (var i = 0; i < asked.Count; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            var result = await overGrains.SearchAsync(asked[i], maxHops: 2, cancellationToken);
            var grain = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            begin = Stopwatch.GetTimestamp();
            var reference = await inProcess.SearchAsync(asked[i], maxHops: 2, cancellationToken);
            var local = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            if (result.NodesExplored != reference.NodesExplored)
            {
                throw new InvalidOperationException($"'{asked[i]}' explored {result.NodesExplored} entities over grains but {reference.NodesExplored} in one process.");
            }

            if (i >= WarmupQueries)
            {
                (grainMs[i - WarmupQueries], baselineMs[i - WarmupQueries]) = (grain, local);
                explored += result.NodesExplored;
            }
        }

        return new GraphTraversalResult(
            edges, stored, documents.Count, names.Count, partitionCount, loadSeconds, Percentiles.Of(grainMs), Percentiles.Of(baselineMs),
            explored / (double)queries);
    }
}

/// <summary>What the traversal phase measured (latencies in milliseconds).</summary>
internal sealed record GraphTraversalResult(
    int Edges, int StoredEdges, int Documents, int Entities, int Partitions, double LoadSeconds, Percentiles Grains, Percentiles Baseline,
    double NodesExploredPerQuery);
