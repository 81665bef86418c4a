using System.Diagnostics;
using Chatbot.Benchmarks.Load;
using Chatbot.Knowledge;
using Chatbot.Testing.Knowledge;

namespace Chatbot.Benchmarks.Retrieval;

/// <summary>
/// One knowledge-base size: a fresh in-process silo (<see cref="KnowledgeSilo"/>, the server's own configuration),
/// synthetic documents uploaded through the knowledge-base grain until its index job reports every one done, then
/// hybrid questions one at a time through the search grain.
/// </summary>
internal static class RetrievalPhase
{
    private const string Tenant = "bench";
    private const string Dataset = "retrieval";
    // Documents of ~50 chunks (a manual-sized file): the knowledge base's per-document cost grows with the number of
    // documents it holds, so small documents would measure the registry rather than the index.
    private const int ChunksPerDocument = 50;
    private const int WarmupQueries = 20;

    public static async Task<RetrievalPhaseResult> RunAsync(
        SyntheticCorpus corpus, int targetChunks, int queries, int topK, CancellationToken cancellationToken)
    {
        var documents = Math.Max(1, targetChunks / ChunksPerDocument);
        var paragraphs = await corpus.ParagraphsForAsync(targetChunks, documents, cancellationToken);
        Progress.Write($"retrieval {targetChunks:N0}: {documents:N0} documents of {paragraphs} paragraphs");
        await using var silo = await KnowledgeSilo.StartAsync(cancellationToken: cancellationToken);

        // 1. Ingestion: from the first upload until the index job has finished every document.
        var started = Stopwatch.GetTimestamp();
        var lastReport = TimeSpan.Zero;
        var status = await KnowledgeBaseLoader.UploadAndWaitAsync(
            silo.Grains, Tenant, Dataset,
            Enumerable.Range(0, documents).Select(i => corpus.Document(i, paragraphs)),
            s =>
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed - lastReport >= TimeSpan.FromSeconds(10))
                {
                    lastReport = elapsed;
                    Progress.Write($"retrieval {targetChunks:N0}: {s.Done + s.Failed:N0}/{s.Total:N0} documents, {s.ChunkCount:N0} chunks");
                }
            },
            cancellationToken);
        var ingestSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (status.Failed > 0)
        {
            throw new InvalidOperationException(
                $"{status.Failed} synthetic documents failed to index: {status.Documents.First(d => d.State == DocumentState.Failed).Error}");
        }

        Progress.Write($"retrieval {targetChunks:N0}: {status.ChunkCount:N0} chunks indexed in {ingestSeconds:F1} s");

        // 2. Queries, one at a time (latency, not throughput), after a few untimed ones for JIT and activations.
        var search = silo.Grains.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(Tenant, Dataset));
        var latencies = new double[queries];
        var hits = 0L;
        for (var i = -WarmupQueries; i < queries; i++)
        {
            var query = new SearchQuery { Text = corpus.Question(i + WarmupQueries), Mode = SearchModes.Hybrid, TopK = topK };
            var begin = Stopwatch.GetTimestamp();
            var results = await search.SearchAsync(query, cancellationToken);
            if (i >= 0)
            {
                latencies[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                hits += results.Count;
            }
        }

        return new RetrievalPhaseResult(
            targetChunks, status.Total, status.ChunkCount, ingestSeconds, Percentiles.Of(latencies), hits / (double)queries);
    }
}

/// <summary>What one size measured: ingestion time of all chunks and per-query latency in milliseconds.</summary>
internal sealed record RetrievalPhaseResult(
    int TargetChunks, int Documents, int Chunks, double IngestSeconds, Percentiles Latency, double HitsPerQuery)
{
    public double ChunksPerSecond => Chunks / IngestSeconds;
}
