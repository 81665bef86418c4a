namespace Chatbot.Knowledge.Indexing.Fusion;

/// <summary>One route's merged result list, best first, as input to fusion.</summary>
/// <param name="Route">Route name, for example <see cref="SearchRoutes.Bm25"/>.</param>
/// <param name="Hits">Hits best first; rank 1 is the first element.</param>
/// <param name="Weight">Multiplier of this route's reciprocal-rank contribution. Default 1.</param>
public sealed record RankedRoute(string Route, IReadOnlyList<ScoredChunk> Hits, double Weight = 1.0);

/// <summary>Where a fused hit stood in one route.</summary>
/// <param name="Route">Route name.</param>
/// <param name="Rank">1-based rank in that route.</param>
/// <param name="Score">The route's own score (BM25 score or cosine similarity).</param>
public sealed record RouteHit(string Route, int Rank, double Score);

/// <summary>A fused hit with its fused score and the per-route rank and score it came from.</summary>
/// <param name="ChunkId">The chunk.</param>
/// <param name="DocumentId">Its document.</param>
/// <param name="Score">Σ over routes of weight / (k + rank).</param>
/// <param name="Routes">The routes that returned the chunk, in input route order.</param>
public sealed record FusedHit(string ChunkId, string DocumentId, double Score, IReadOnlyList<RouteHit> Routes)
{
    /// <summary>This hit's entry for <paramref name="route"/>, or <see langword="null"/> if that route missed it.</summary>
    public RouteHit? Route(string route) => Routes.FirstOrDefault(r => r.Route == route);

    /// <summary>The fused order every fusion shares: score, then the best rank on any route, then chunk id; top <paramref name="topK"/>.</summary>
    public static IReadOnlyList<FusedHit> Rank(IEnumerable<FusedHit> hits, int topK) => hits
        .OrderByDescending(h => h.Score)
        .ThenBy(h => h.Routes.Min(r => r.Rank))
        .ThenBy(h => h.ChunkId, StringComparer.Ordinal)
        .Take(topK)
        .ToList();
}
