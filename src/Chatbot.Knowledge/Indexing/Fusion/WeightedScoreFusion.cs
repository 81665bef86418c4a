namespace Chatbot.Knowledge.Indexing.Fusion;

/// <summary>
/// Fuses routes by their scores: each route's scores are divided by that route's best score (so BM25's unbounded
/// scores and cosine similarities share a 0–1 scale), multiplied by the route's weight and summed per chunk. Unlike
/// reciprocal rank fusion, a weak route with a small weight can only reorder near-ties of a strong one, which is what
/// the hashing embedder (a second, noisier copy of BM25's lexical signal) warrants. Measured on HotpotQA and CMRC:
/// see the README's evaluation figures.
/// </summary>
public static class WeightedScoreFusion
{
    /// <summary>The best <paramref name="topK"/> chunks by weighted, normalised score over <paramref name="routes"/>.</summary>
    public static IReadOnlyList<FusedHit> Fuse(IEnumerable<RankedRoute> routes, int topK)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var fused = new Dictionary<string, (string DocumentId, double Score, List<RouteHit> Routes)>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var best = route.Hits.Count == 0 ? 0 : route.Hits.Max(h => h.Score);
            for (var i = 0; i < route.Hits.Count; i++)
            {
                var hit = route.Hits[i];
                var entry = fused.TryGetValue(hit.ChunkId, out var existing) ? existing : (hit.DocumentId, 0d, new List<RouteHit>());
                if (entry.Item3.Exists(r => r.Route == route.Route))
                {
                    continue;
                }

                entry.Item3.Add(new RouteHit(route.Route, i + 1, hit.Score));
                var normalised = best > 0 ? Math.Max(hit.Score, 0) / best : 0;
                fused[hit.ChunkId] = (entry.Item1, entry.Item2 + route.Weight * normalised, entry.Item3);
            }
        }

        return FusedHit.Rank(fused.Select(p => new FusedHit(p.Key, p.Value.DocumentId, p.Value.Score, p.Value.Routes)), topK);
    }
}
