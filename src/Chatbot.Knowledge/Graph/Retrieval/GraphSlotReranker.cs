using Chatbot.Knowledge.Indexing.Fusion;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>
/// The rerank step after reciprocal rank fusion of a hybrid graph search. Fusion alone let graph chunks of weak
/// evidence push good text results out (HotpotQA, README); this step gives the graph a fixed share instead:
/// <list type="number">
/// <item>every <c>1 / GraphShare</c>-th place (the 5th, 10th … by default) goes to the graph side in its own order
/// (question entities' homes, path confidence): the best graph chunk a text route also retrieved (corroborated: two
/// independent signals agree) or community summary not yet placed;</item>
/// <item>the other places go to the text routes (BM25, vector) in their fused order;</item>
/// <item>beyond the <c>k</c> results asked for, everything else follows in fused order.</item>
/// </list>
/// Without text routes (search type <c>graph</c>) or without graph results, the fused order stands. Scores are the fused
/// scores relative to the best, made non-increasing along the final order. Stateless; thread-safe.
/// </summary>
public sealed class GraphSlotReranker(GraphFusionOptions options)
{
    /// <summary>Reorders <paramref name="fused"/> (fused order, best first) for <paramref name="topK"/> results.</summary>
    /// <param name="fused">The fused candidates.</param>
    /// <param name="topK">Results asked for.</param>
    /// <param name="textRoutes">Names of the text routes (their ranks define the text order).</param>
    /// <param name="weights">Route weights, by route name.</param>
    /// <param name="unconfirmed">Graph-side candidates that need no text corroboration (community summaries).</param>
    public IReadOnlyList<(FusedHit Hit, double Score)> Rerank(
        IReadOnlyList<FusedHit> fused, int topK, IReadOnlySet<string> textRoutes, IReadOnlyDictionary<string, double> weights,
        IReadOnlySet<string> unconfirmed)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(textRoutes);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(unconfirmed);
        double Contribution(FusedHit hit, bool text) =>
            hit.Routes.Where(r => textRoutes.Contains(r.Route) == text).Sum(r => weights[r.Route] / (options.RrfK + r.Rank));

        var text = fused.Where(h => h.Routes.Any(r => textRoutes.Contains(r.Route)))
            .OrderByDescending(h => Contribution(h, text: true)).ThenBy(h => h.ChunkId, StringComparer.Ordinal).ToList();
        var graph = fused.Where(h => h.Routes.Any(r => !textRoutes.Contains(r.Route)))
            .OrderByDescending(h => Contribution(h, text: false)).ThenBy(h => h.ChunkId, StringComparer.Ordinal).ToList();
        var order = new List<FusedHit>(fused.Count);
        var period = options.GraphShare > 0 ? Math.Max(2, (int)Math.Round(1 / options.GraphShare)) : 0;
        if (text.Count > 0 && graph.Count > 0 && period > 0)
        {
            var corroborated = text.Select(h => h.ChunkId).ToHashSet(StringComparer.Ordinal);
            var eligible = graph.Where(h => unconfirmed.Contains(h.ChunkId) || corroborated.Contains(h.ChunkId)).ToList();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var (t, g) = (0, 0);
            FusedHit? Next(List<FusedHit> list, ref int at)
            {
                while (at < list.Count && taken.Contains(list[at].ChunkId))
                {
                    at++;
                }

                return at < list.Count ? list[at] : null;
            }

            while (order.Count < topK)
            {
                var graphTurn = (order.Count + 1) % period == 0;
                var next = (graphTurn ? Next(eligible, ref g) ?? Next(text, ref t) : Next(text, ref t) ?? Next(eligible, ref g));
                if (next is null)
                {
                    break;
                }

                order.Add(next);
                taken.Add(next.ChunkId);
            }
        }

        var placed = order.Select(h => h.ChunkId).ToHashSet(StringComparer.Ordinal);
        order.AddRange(fused.Where(h => !placed.Contains(h.ChunkId)));

        var best = fused.Count > 0 ? fused.Max(h => h.Score) : 1;
        var ranked = new List<(FusedHit, double)>(order.Count);
        var previous = double.MaxValue;
        foreach (var hit in order)
        {
            previous = Math.Min(previous, best > 0 ? hit.Score / best : 0);
            ranked.Add((hit, previous));
        }

        return ranked;
    }
}
