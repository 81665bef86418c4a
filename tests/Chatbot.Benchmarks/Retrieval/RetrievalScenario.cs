using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Retrieval;

/// <summary>
/// The knowledge-base issue's benchmark: ingestion throughput (chunks/s) and hybrid query latency (no reranker) at
/// 10k and 100k chunks, through the knowledge-base and search grains of an in-process silo configured as the server
/// is. Goal: P95 ≤ 20 ms at 100k chunks. There is no baseline server: the figure judged is absolute.
/// </summary>
internal sealed class RetrievalScenario : IScenario
{
    /// <summary>Size at which the goal is judged.</summary>
    public const int GoalChunks = 100_000;

    /// <summary>The goal's P95 query latency.</summary>
    public const double GoalP95Ms = 20;

    private const int TopK = 10;

    public string Name => "retrieval";

    public string Summary => "knowledge base: ingestion chunks/s and hybrid query P50/P95 at 10k and 100k chunks";

    public async Task<ScenarioReport> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var corpus = new SyntheticCorpus();
        var queries = settings.Quick ? 50 : 300;
        var results = new List<RetrievalPhaseResult>();
        foreach (var chunks in settings.Quick ? [2_000] : settings.RetrievalChunks)
        {
            results.Add(await RetrievalPhase.RunAsync(corpus, chunks, queries, TopK, cancellationToken));
        }

        return RetrievalReport.Build(results, queries, TopK);
    }
}
