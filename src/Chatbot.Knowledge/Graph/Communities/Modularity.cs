namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// Newman–Girvan modularity with a resolution γ: Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], where in_c is twice the
/// weight inside community c and tot_c the sum of its degrees. 0 for a graph without edges. Pure, thread-safe.
/// </summary>
public static class Modularity
{
    /// <summary>The modularity of <paramref name="membership"/> (node → community id) on <paramref name="graph"/>.</summary>
    public static double Compute(WeightedGraph graph, IReadOnlyList<int> membership, double resolution = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(membership);
        if (membership.Count != graph.NodeCount)
        {
            throw new ArgumentException($"Expected {graph.NodeCount} memberships, got {membership.Count}.", nameof(membership));
        }

        var m2 = graph.TotalDegree;
        if (m2 <= 0)
        {
            return 0;
        }

        var inside = new Dictionary<int, double>();
        var total = new Dictionary<int, double>();
        for (var i = 0; i < graph.NodeCount; i++)
        {
            var c = membership[i];
            total[c] = total.GetValueOrDefault(c) + graph.Degree(i);
            var within = 2 * graph.SelfLoop(i);
            var neighbors = graph.Neighbors(i);
            var weights = graph.Weights(i);
            for (var e = 0; e < neighbors.Length; e++)
            {
                within += membership[neighbors[e]] == c ? weights[e] : 0;
            }

            inside[c] = inside.GetValueOrDefault(c) + within;
        }

        return total.Keys.Sum(c => (inside.GetValueOrDefault(c) / m2) - (resolution * Math.Pow(total[c] / m2, 2)));
    }
}
