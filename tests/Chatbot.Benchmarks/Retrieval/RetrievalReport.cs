using System.Text;
using System.Text.Json.Nodes;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Retrieval;

/// <summary>The retrieval scenario's Markdown section and JSON figures.</summary>
internal static class RetrievalReport
{
    public static ScenarioReport Build(IReadOnlyList<RetrievalPhaseResult> results, int queries, int topK)
    {
        var table = new MarkdownTable("chunks", "documents", "ingest s", "chunks/s", "query P50 ms", "query P95 ms", "query P99 ms", "hits/query");
        var json = new JsonArray();
        foreach (var r in results)
        {
            table.Row(r.Chunks.ToString("N0"), r.Documents.ToString("N0"), MarkdownTable.Num(r.IngestSeconds), MarkdownTable.Num(r.ChunksPerSecond, 0),
                MarkdownTable.Num(r.Latency.P50, 2), MarkdownTable.Num(r.Latency.P95, 2), MarkdownTable.Num(r.Latency.P99, 2), MarkdownTable.Num(r.HitsPerQuery));
            json.Add(new JsonObject
            {
                ["chunks"] = r.Chunks,
                ["documents"] = r.Documents,
                ["ingest_seconds"] = Math.Round(r.IngestSeconds, 2),
                ["chunks_per_second"] = Math.Round(r.ChunksPerSecond, 1),
                ["p50_ms"] = Math.Round(r.Latency.P50, 3),
                ["p95_ms"] = Math.Round(r.Latency.P95, 3),
                ["p99_ms"] = Math.Round(r.Latency.P99, 3),
            });
        }

        var goal = results.FirstOrDefault(r => r.TargetChunks == RetrievalScenario.GoalChunks);
        var verdict = goal is null
            ? $"not judged: no {RetrievalScenario.GoalChunks:N0}-chunk run"
            : $"{(goal.Latency.P95 <= RetrievalScenario.GoalP95Ms ? "met" : "NOT met")} (P95 {goal.Latency.P95:F2} ms at {goal.Chunks:N0} chunks)";
        var markdown = new StringBuilder()
            .Append("## retrieval\n\n")
            .Append($"Synthetic English text documents uploaded through `IKnowledgeBaseGrain` (default chunking and partitions, ")
            .Append($"hashing embeddings) into an in-process silo; ingestion timed from the first upload until every document is done. ")
            .Append($"Then {queries} hybrid questions (top {topK}, no reranker), one at a time, through `IKnowledgeSearchGrain`.\n\n")
            .Append(table)
            .Append($"\nGoal P95 ≤ {RetrievalScenario.GoalP95Ms} ms at {RetrievalScenario.GoalChunks:N0} chunks: {verdict}.\n");
        return new ScenarioReport("retrieval", markdown.ToString(), new JsonObject
        {
            ["queries"] = queries,
            ["top_k"] = topK,
            ["sizes"] = json,
            ["goal_met"] = goal is null ? null : goal.Latency.P95 <= RetrievalScenario.GoalP95Ms,
        });
    }
}
