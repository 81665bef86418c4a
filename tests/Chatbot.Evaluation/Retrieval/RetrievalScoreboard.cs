using Chatbot.Knowledge.Indexing.Evaluation;

namespace Chatbot.Evaluation.Retrieval;

/// <summary>
/// Collects each query's ranked document ids and search time, and averages the standard metrics over the queries:
/// recall@5, recall@10, MRR@10 and nDCG@10 (<see cref="RetrievalMetrics"/>), with nearest-rank latency percentiles.
/// Not thread-safe: add queries from one thread.
/// </summary>
internal sealed class RetrievalScoreboard
{
    private readonly List<double> _latencies = [];
    private double _recall5;
    private double _recall10;
    private double _mrr10;
    private double _ndcg10;

    /// <summary>Queries added.</summary>
    public int Queries => _latencies.Count;

    /// <summary>Adds one query: its ranking (best first, each document once), what is relevant and how long the search took.</summary>
    public void Add(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, TimeSpan elapsed)
    {
        _recall5 += RetrievalMetrics.RecallAt(ranked, relevant, 5);
        _recall10 += RetrievalMetrics.RecallAt(ranked, relevant, 10);
        _mrr10 += RetrievalMetrics.ReciprocalRankAt(ranked, relevant, 10);
        _ndcg10 += RetrievalMetrics.NdcgAt(ranked, relevant, 10);
        _latencies.Add(elapsed.TotalMilliseconds);
    }

    /// <summary>Mean metrics and latency percentiles so far (zeros when no query was added).</summary>
    public RetrievalScoreSummary Summarize()
    {
        var n = Queries;
        if (n == 0)
        {
            return new RetrievalScoreSummary(0, 0, 0, 0, 0, 0, 0);
        }

        var sorted = _latencies.Order().ToArray();
        return new RetrievalScoreSummary(n, _recall5 / n, _recall10 / n, _mrr10 / n, _ndcg10 / n, Percentile(sorted, 0.50), Percentile(sorted, 0.95));
    }

    /// <summary>Nearest-rank percentile <paramref name="q"/> (0–1] of an ascending, non-empty array.</summary>
    public static double Percentile(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Means over <paramref name="Queries"/> queries; latency percentiles in milliseconds.</summary>
internal sealed record RetrievalScoreSummary(
    int Queries, double RecallAt5, double RecallAt10, double MrrAt10, double NdcgAt10, double P50Ms, double P95Ms);
