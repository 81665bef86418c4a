using Chatbot.AI.Telemetry;
using Chatbot.Knowledge;
using Chatbot.Knowledge.Embeddings;
using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Bm25;
using Chatbot.Knowledge.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Chatbot.Grains.Knowledge;

/// <summary>
/// Searches one dataset by fanning out to its partitions in parallel: first their term statistics (summed into
/// dataset-wide BM25 statistics, so scores do not depend on how chunks were partitioned), then their candidates,
/// merged by <see cref="SearchMerger"/>. Graph search (<see cref="SearchGraphAsync"/>) adds traversal over the
/// partitions' graph shards. Stateless worker: searches scale with silos and never queue behind uploads.
/// </summary>
[StatelessWorker]
public sealed partial class KnowledgeSearchGrain(
    ITextAnalyzer analyzer,
    [FromKeyedServices(EmbeddingServiceKeys.Knowledge)] IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<KnowledgeOptions> options,
    IOptions<GraphOptions> graphOptions,
    ChatbotMetrics metrics,
    TimeProvider timeProvider)
    : Grain, IKnowledgeSearchGrain
{
    // Each partition contributes this many candidates per route for every result asked for, so fusion has depth.
    private const int CandidatesPerResult = 3;

    /// <summary>Candidates each route contributes before fusion for a request of <paramref name="topK"/> results.</summary>
    public static int CandidateDepth(int topK) => Math.Max(10, topK * CandidatesPerResult);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        var hits = await SearchPartitionsAsync(query, cancellationToken);
        metrics.SearchCompleted(timeProvider.GetElapsedTime(started), query.Mode);
        return hits;
    }

    private async Task<IReadOnlyList<SearchHit>> SearchPartitionsAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var partitions = await PartitionsAsync();
        if (partitions.Count == 0)
        {
            return [];
        }

        var results = await CandidatesAsync(query, partitions, cancellationToken);
        return SearchMerger.Merge(results, query.Mode, query.TopK, CandidateDepth(query.TopK), options.Value.HybridDenseWeight);
    }

    // The dataset's partitions; none when the dataset does not exist.
    private async Task<IReadOnlyList<IKnowledgePartitionGrain>> PartitionsAsync()
    {
        var key = this.GetPrimaryKeyString();
        var partitionCount = await GrainFactory.GetGrain<IKnowledgeBaseGrain>(key).GetPartitionCountAsync();
        var (tenant, dataset, _) = DatasetKey.Parse(key);
        return Enumerable.Range(0, partitionCount)
            .Select(p => GrainFactory.GetGrain<IKnowledgePartitionGrain>(DatasetKey.Partition(tenant, dataset, p)))
            .ToList();
    }

    // Every partition's candidates for the query's routes, scored with dataset-wide statistics.
    private async Task<IReadOnlyList<SearchHit>[]> CandidatesAsync(
        SearchQuery query, IReadOnlyList<IKnowledgePartitionGrain> partitions, CancellationToken cancellationToken)
    {
        // 1. Analyse and embed the query once, here, for every partition.
        var terms = query.Mode == SearchModes.Dense ? [] : Bm25Query.Parse(analyzer, query.Text).Terms.SelectMany(t => Enumerable.Repeat(t.Term, t.Count)).ToList();
        var vector = query.Mode == SearchModes.Bm25 ? null : (await embeddings.GenerateAsync([query.Text], cancellationToken: cancellationToken))[0].Vector.ToArray();

        // 2. Dataset-wide statistics for the query terms.
        PartitionTermStats? global = null;
        if (terms.Count > 0)
        {
            var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
            var parts = await Task.WhenAll(partitions.Select(p => p.GetTermStatsAsync(distinct)));
            global = new PartitionTermStats(
                parts.Sum(p => p.DocumentCount),
                parts.Sum(p => p.TotalLength),
                distinct.ToDictionary(t => t, t => parts.Sum(p => p.DocumentFrequencies.GetValueOrDefault(t)), StringComparer.Ordinal));
        }

        // 3. Candidates from every partition, for the caller to merge into one ranking.
        var search = new PartitionSearch { Query = query, Terms = terms, Vector = vector, GlobalStats = global, Candidates = CandidateDepth(query.TopK) };
        return await Task.WhenAll(partitions.Select(p => p.SearchAsync(search, cancellationToken)));
    }
}
