namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// The local moving phase shared by Louvain and Leiden: visit nodes in a seeded random order and move each to the
/// neighbouring community with the largest modularity gain ΔQ ∝ k_i,c − γ·tot_c·k_i/2m, until a full pass moves
/// nothing. Ties keep the node where it is, then prefer the community met first, so results are deterministic.
/// </summary>
internal static class LocalMoving
{
    private const double Epsilon = 1e-12;
    private const int MaxPasses = 1000;

    /// <summary>Improves <paramref name="membership"/> in place; returns whether any node moved.</summary>
    public static bool Run(WeightedGraph graph, int[] membership, double resolution, Random random)
    {
        var n = graph.NodeCount;
        var m2 = graph.TotalDegree;
        if (m2 <= 0)
        {
            return false;
        }

        var total = new double[n];
        for (var i = 0; i < n; i++)
        {
            total[membership[i]] += graph.Degree(i);
        }

        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var linkWeight = new double[n];
        var touched = new List<int>();
        var movedAny = false;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var moved = false;
            foreach (var i in order)
            {
                var (current, degree) = (membership[i], graph.Degree(i));
                var neighbors = graph.Neighbors(i);
                var weights = graph.Weights(i);
                touched.Clear();
                for (var e = 0; e < neighbors.Length; e++)
                {
                    var c = membership[neighbors[e]];
                    if (linkWeight[c] == 0)
                    {
                        touched.Add(c);
                    }

                    linkWeight[c] += weights[e];
                }

                total[current] -= degree;
                var (best, bestGain) = (current, linkWeight[current] - (resolution * total[current] * degree / m2));
                foreach (var c in touched)
                {
                    var gain = linkWeight[c] - (resolution * total[c] * degree / m2);
                    if (gain > bestGain + Epsilon)
                    {
                        (best, bestGain) = (c, gain);
                    }
                }

                total[best] += degree;
                membership[i] = best;
                moved |= best != current;
                foreach (var c in touched)
                {
                    linkWeight[c] = 0;
                }
            }

            movedAny |= moved;
            if (!moved)
            {
                break;
            }
        }

        return movedAny;
    }

    /// <summary>Renumbers community ids to 0..count−1 in order of first appearance; returns the count.</summary>
    public static int Renumber(int[] membership)
    {
        var ids = new Dictionary<int, int>();
        for (var i = 0; i < membership.Length; i++)
        {
            if (!ids.TryGetValue(membership[i], out var id))
            {
                ids[membership[i]] = id = ids.Count;
            }

            membership[i] = id;
        }

        return ids.Count;
    }
}
