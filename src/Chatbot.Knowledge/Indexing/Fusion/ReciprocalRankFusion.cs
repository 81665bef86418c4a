namespace Chatbot.Knowledge.Indexing.Fusion;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke &amp; Büttcher 2009): score(d) = Σ_routes weight / (k + rank(d)).
/// Uses ranks only, so BM25 scores and cosine similarities need no calibration against each other. Stateless.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The customary smoothing constant.</summary>
    public const int DefaultK = 60;

    /// <summary>
    /// Fuses the routes' lists and returns the best <paramref name="topK"/>, ordered by fused score, then best single
    /// rank, then chunk id, keeping each route's rank and score on every hit.
    /// </summary>
    public static IReadOnlyList<FusedHit> Fuse(IEnumerable<RankedRoute> routes, int topK, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var fused = new Dictionary<string, (string DocumentId, double Score, List<RouteHit> Routes)>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            for (var i = 0; i < route.Hits.Count; i++)
            {
                var hit = route.Hits[i];
                if (!fused.TryGetValue(hit.ChunkId, out var entry))
                {
                    entry = (hit.DocumentId, 0, []);
                }
                else if (entry.Routes.Exists(r => r.Route == route.Route))
                {
                    continue;  // a route lists a chunk once; keep its best rank
                }

                entry.Routes.Add(new RouteHit(route.Route, i + 1, hit.Score));
                fused[hit.ChunkId] = (entry.DocumentId, entry.Score + (route.Weight / (k + i + 1)), entry.Routes);
            }
        }

        return FusedHit.Rank(fused.Select(p => new FusedHit(p.Key, p.Value.DocumentId, p.Value.Score, p.Value.Routes)), topK);
    }
}
