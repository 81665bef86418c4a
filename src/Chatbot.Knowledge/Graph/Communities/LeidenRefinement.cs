namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// Leiden's refinement phase (Traag, Waltman and van Eck 2019, Algorithm A.2): within each community of the local
/// moving result, start from singletons and merge a node into a refined sub-community only when both are
/// well connected to the rest of the community, so every aggregate is internally connected. Leiden picks among the
/// non-negative gains at random (temperature θ); this takes the largest gain, the θ → 0 limit, which keeps the
/// result a pure function of the seed.
/// </summary>
internal static class LeidenRefinement
{
    /// <summary>The refined partition: each refined community lies inside one community of <paramref name="membership"/>.</summary>
    public static int[] Run(WeightedGraph graph, int[] membership, double resolution, Random random)
    {
        var n = graph.NodeCount;
        var m2 = graph.TotalDegree;
        var refined = Enumerable.Range(0, n).ToArray();
        var size = Enumerable.Repeat(1, n).ToArray();
        var total = Enumerable.Range(0, n).Select(graph.Degree).ToArray();
        var communityTotal = new double[n];
        var cut = new double[n];
        for (var i = 0; i < n; i++)
        {
            communityTotal[membership[i]] += graph.Degree(i);
            var neighbors = graph.Neighbors(i);
            var weights = graph.Weights(i);
            for (var e = 0; e < neighbors.Length; e++)
            {
                cut[i] += membership[neighbors[e]] == membership[i] ? weights[e] : 0;
            }
        }

        bool WellConnected(double cutWeight, double tot, int community) =>
            cutWeight >= resolution * tot * (communityTotal[community] - tot) / m2;

        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var linkWeight = new Dictionary<int, double>();
        foreach (var v in order)
        {
            var community = membership[v];
            if (size[refined[v]] > 1 || refined[v] != v || !WellConnected(cut[v], graph.Degree(v), community))
            {
                continue;
            }

            linkWeight.Clear();
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            for (var e = 0; e < neighbors.Length; e++)
            {
                var u = neighbors[e];
                if (membership[u] == community)
                {
                    linkWeight[refined[u]] = linkWeight.GetValueOrDefault(refined[u]) + weights[e];
                }
            }

            var (best, bestGain) = (-1, 0.0);
            foreach (var (r, w) in linkWeight)
            {
                var gain = w - (resolution * graph.Degree(v) * total[r] / m2);
                if (r != v && gain >= bestGain && WellConnected(cut[r], total[r], community) && (best < 0 || gain > bestGain))
                {
                    (best, bestGain) = (r, gain);
                }
            }

            if (best >= 0)
            {
                cut[best] += cut[v] - (2 * linkWeight[best]);
                total[best] += graph.Degree(v);
                size[best] += 1;
                size[v] = 0;
                refined[v] = best;
            }
        }

        return refined;
    }
}
