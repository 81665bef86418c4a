using System.Text.Json.Nodes;

namespace Chatbot.Evaluation.Retrieval;

/// <summary>The outcome of one evaluation run, printed as one JSON line.</summary>
internal sealed record RetrievalResult(
    string Dataset, string Mode, int K, int Documents, int FailedDocuments, int Chunks, double IndexSeconds, RetrievalScoreSummary Scores,
    IReadOnlyDictionary<string, RetrievalScoreSummary>? ByKind = null)
{
    /// <summary>
    /// <c>{"dataset", "mode", "k", "queries", "recall@5", "recall@10", "mrr@10", "ndcg@10", "p50_ms", "p95_ms",
    /// "index_seconds", "documents", "failed_documents", "chunks"}</c>, and per question kind (<c>--by-kind</c>)
    /// <c>"bridge": {"queries", "recall@5", "recall@10"}</c>; metrics rounded to 4 decimals, times to 2.
    /// </summary>
    public string ToJsonLine()
    {
        var json = Json();
        foreach (var (kind, scores) in ByKind ?? new Dictionary<string, RetrievalScoreSummary>())
        {
            json[kind] = new JsonObject
            {
                ["queries"] = scores.Queries,
                ["recall@5"] = Math.Round(scores.RecallAt5, 4),
                ["recall@10"] = Math.Round(scores.RecallAt10, 4),
            };
        }

        return json.ToJsonString();
    }

    private JsonObject Json() => new()
    {
        ["dataset"] = Dataset,
        ["mode"] = Mode,
        ["k"] = K,
        ["queries"] = Scores.Queries,
        ["recall@5"] = Math.Round(Scores.RecallAt5, 4),
        ["recall@10"] = Math.Round(Scores.RecallAt10, 4),
        ["mrr@10"] = Math.Round(Scores.MrrAt10, 4),
        ["ndcg@10"] = Math.Round(Scores.NdcgAt10, 4),
        ["p50_ms"] = Math.Round(Scores.P50Ms, 2),
        ["p95_ms"] = Math.Round(Scores.P95Ms, 2),
        ["index_seconds"] = Math.Round(IndexSeconds, 2),
        ["documents"] = Documents,
        ["failed_documents"] = FailedDocuments,
        ["chunks"] = Chunks,
    };
}
