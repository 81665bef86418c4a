using System.Text;
using System.Text.Json.Nodes;
using Chatbot.Benchmarks.Reporting;
using Chatbot.Knowledge;

namespace Chatbot.Benchmarks.Graph;

/// <summary>
/// The GraphRAG issue's benchmark: graph build throughput (chunks/s, offline pattern extractor) and two-hop traversal
/// latency P50/P95 on a graph of ~100k edges spread over a dataset's partition grains, against the same traversal in
/// one process (no grains) as the baseline.
/// </summary>
internal sealed class GraphScenario : IScenario
{
    public string Name => "graph";

    public string Summary => "GraphRAG: build chunks/s (offline extractor) and two-hop traversal P50/P95 on ~100k edges over partitions";

    public async Task<ScenarioReport> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var data = new SyntheticGraph();
        var partitions = new KnowledgeOptions().Partitions;
        var chunks = settings.Quick ? 1_000 : settings.GraphChunks;
        var edges = settings.Quick ? 10_000 : settings.GraphEdges;
        var queries = settings.Quick ? 50 : 300;

        Progress.Write($"graph build: {chunks:N0} chunks");
        var build = await GraphBuildPhase.RunAsync(data, chunks, partitions, cancellationToken);
        Progress.Write($"graph build: {build.ChunksPerSecond:F0} chunks/s");
        var traversal = await GraphTraversalPhase.RunAsync(data, edges, queries, cancellationToken);
        Progress.Write($"graph traversal: P50 {traversal.Grains.P50:F2} ms, P95 {traversal.Grains.P95:F2} ms");
        return Report(build, traversal, queries);
    }

    private static ScenarioReport Report(GraphBuildResult build, GraphTraversalResult traversal, int queries)
    {
        var buildTable = new MarkdownTable("chunks", "documents", "entities", "edges", "stored KiB", "seconds", "chunks/s")
            .Row(build.Chunks.ToString("N0"), build.Documents.ToString("N0"), build.Entities.ToString("N0"), build.Edges.ToString("N0"),
                (build.StoredBytes / 1024).ToString("N0"), MarkdownTable.Num(build.Seconds), MarkdownTable.Num(build.ChunksPerSecond, 0));
        var latency = new MarkdownTable("traversal", "P50 ms", "P95 ms", "P99 ms", "mean ms");
        latency.Row("over partition grains", MarkdownTable.Num(traversal.Grains.P50, 2), MarkdownTable.Num(traversal.Grains.P95, 2),
            MarkdownTable.Num(traversal.Grains.P99, 2), MarkdownTable.Num(traversal.Grains.Mean, 2));
        latency.Row("baseline: one process", MarkdownTable.Num(traversal.Baseline.P50, 2), MarkdownTable.Num(traversal.Baseline.P95, 2),
            MarkdownTable.Num(traversal.Baseline.P99, 2), MarkdownTable.Num(traversal.Baseline.Mean, 2));
        var markdown = new StringBuilder()
            .Append("## graph\n\n")
            .Append("**Build** — synthetic chunks of six relation-stating sentences through `DocumentGraphBuilder` (pattern extractor, ")
            .Append($"one resolver, documents of {GraphBuildPhase.ChunksPerDocument} chunks one after another as the index job runs them), ")
            .Append($"cut into {traversal.Partitions} partitions' serialised parts:\n\n")
            .Append(buildTable)
            .Append($"\n**Two-hop traversal** — {traversal.StoredEdges:N0} edges between {traversal.Entities:N0} entities (preferential attachment), ")
            .Append($"{traversal.Documents:N0} documents' parts written to the knowledge store and loaded by {traversal.Partitions} partition grains ")
            .Append($"({MarkdownTable.Num(traversal.LoadSeconds)} s to activate); {queries} questions naming one entity, `max_hops` 2, ")
            .Append($"beam 32, {MarkdownTable.Num(traversal.NodesExploredPerQuery, 0)} entities explored per question on average:\n\n")
            .Append(latency)
            .Append($"\nGrains cost {MarkdownTable.Num(traversal.Grains.P50 / traversal.Baseline.P50)}× the in-process traversal at P50 ")
            .Append($"(entity lookup on every partition, then one batch of partition calls per hop).\n");
        return new ScenarioReport("graph", markdown.ToString(), new JsonObject
        {
            ["build_chunks"] = build.Chunks,
            ["build_chunks_per_second"] = Math.Round(build.ChunksPerSecond, 1),
            ["build_entities"] = build.Entities,
            ["build_edges"] = build.Edges,
            ["edges"] = traversal.StoredEdges,
            ["entities"] = traversal.Entities,
            ["partitions"] = traversal.Partitions,
            ["queries"] = queries,
            ["p50_ms"] = Math.Round(traversal.Grains.P50, 3),
            ["p95_ms"] = Math.Round(traversal.Grains.P95, 3),
            ["p99_ms"] = Math.Round(traversal.Grains.P99, 3),
            ["baseline_p50_ms"] = Math.Round(traversal.Baseline.P50, 3),
            ["baseline_p95_ms"] = Math.Round(traversal.Baseline.P95, 3),
            ["nodes_explored_per_query"] = Math.Round(traversal.NodesExploredPerQuery, 1),
        });
    }
}
