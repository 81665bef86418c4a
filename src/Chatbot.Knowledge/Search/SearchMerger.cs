using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Fusion;

namespace Chatbot.Knowledge.Search;

/// <summary>
/// Merges the candidates of every partition into one ranking. BM25 scores are comparable across partitions because
/// every partition scored with dataset-wide statistics; cosine scores are comparable by nature. Hybrid fuses the two
/// global route rankings by reciprocal rank, keeping each route's score on the hit.
/// </summary>
public static class SearchMerger
{
    /// <summary>
    /// The best <paramref name="topK"/> hits of <paramref name="mode"/> over all partitions' candidates. Each partition
    /// returned its best <paramref name="candidates"/> per route; the merged route lists are cut at the same depth
    /// before fusion, which makes the result identical to one unpartitioned index searched the same way.
    /// </summary>
    public static IReadOnlyList<SearchHit> Merge(
        IEnumerable<IReadOnlyList<SearchHit>> partitions, string mode, int topK, int candidates, double denseWeight)
    {
        var (byChunk, bm25, dense) = Rankings(partitions, candidates);
        return mode switch
        {
            SearchModes.Bm25 => bm25.Take(topK).Select(h => h with { Score = h.Bm25Score!.Value }).ToList(),
            SearchModes.Dense => dense.Take(topK).Select(h => h with { Score = h.DenseScore!.Value }).ToList(),
            _ => Fuse(byChunk, bm25, dense, topK, denseWeight),
        };
    }

    /// <summary>
    /// Every partition's candidates by chunk id, and the dataset-wide BM25 and dense rankings cut at
    /// <paramref name="candidates"/>: the route lists <see cref="Merge"/> fuses, for callers that fuse them differently.
    /// </summary>
    public static (Dictionary<string, SearchHit> ByChunk, List<SearchHit> Bm25, List<SearchHit> Dense) Rankings(
        IEnumerable<IReadOnlyList<SearchHit>> partitions, int candidates)
    {
        var byChunk = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        foreach (var hit in partitions.SelectMany(p => p))
        {
            byChunk[hit.ChunkId] = hit;
        }

        return (byChunk, Ranked(byChunk.Values, h => h.Bm25Score).Take(candidates).ToList(),
            Ranked(byChunk.Values, h => h.DenseScore).Take(candidates).ToList());
    }

    private static List<SearchHit> Ranked(IEnumerable<SearchHit> hits, Func<SearchHit, double?> score) =>
        hits.Where(h => score(h) is not null)
            .OrderByDescending(h => score(h))
            .ThenBy(h => h.ChunkId, StringComparer.Ordinal)
            .ToList();

    private static List<SearchHit> Fuse(
        Dictionary<string, SearchHit> byChunk, List<SearchHit> bm25, List<SearchHit> dense, int topK, double denseWeight)
    {
        static RankedRoute Route(string name, List<SearchHit> hits, Func<SearchHit, double?> score, double weight) =>
            new(name, hits.Select(h => new ScoredChunk(h.ChunkId, h.DocumentId, score(h)!.Value)).ToList(), weight);

        var fused = HybridFusion.Fuse(
            Route(SearchRoutes.Bm25, bm25, h => h.Bm25Score, 1 - denseWeight),
            Route(SearchRoutes.Dense, dense, h => h.DenseScore, denseWeight),
            topK);
        return fused.Select(f => byChunk[f.ChunkId] with { Score = f.Score }).ToList();
    }
}
