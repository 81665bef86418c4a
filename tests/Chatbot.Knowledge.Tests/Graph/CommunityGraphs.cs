using Chatbot.Knowledge.Graph.Communities;

namespace Chatbot.Knowledge.Tests.Graph;

/// <summary>Reference graphs for community detection.</summary>
internal static class CommunityGraphs
{
    /// <summary>
    /// Zachary's karate club (1977): 34 members, 78 friendships, 0-based as in NetworkX's <c>karate_club_graph</c>.
    /// Best known modularity 0.4198 (Brandes et al. 2008, proven optimal); Louvain typically stops at 0.4188.
    /// </summary>
    public static WeightedGraph KarateClub()
    {
        int[][] adjacency =
        [
            [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 17, 19, 21, 31], // 0
            [2, 3, 7, 13, 17, 19, 21, 30], // 1
            [3, 7, 8, 9, 13, 27, 28, 32], // 2
            [7, 12, 13], // 3
            [6, 10], // 4
            [6, 10, 16], // 5
            [16], // 6
            [], // 7
            [30, 32, 33], // 8
            [33], // 9
            [], [], [], // 10-12
            [33], // 13
            [32, 33], // 14
            [32, 33], // 15
            [], [], // 16-17
            [32, 33], // 18
            [33], // 19
            [32, 33], // 20
            [], // 21
            [32, 33], // 22
            [25, 27, 29, 32, 33], // 23
            [25, 27, 31], // 24
            [31], // 25
            [29, 33], // 26
            [33], // 27
            [31, 33], // 28
            [32, 33], // 29
            [32, 33], // 30
            [32, 33], // 31
            [33], // 32
        ];
        var edges = adjacency.SelectMany((targets, source) => targets.Select(t => (source, t, 1.0))).ToList();
        if (edges.Count != 78)
        {
            throw new InvalidOperationException($"The karate club has 78 edges, not {edges.Count}.");
        }

        return WeightedGraph.FromEdges(34, edges);
    }

    /// <summary>A planted partition: <paramref name="groups"/> groups of <paramref name="size"/>, edges inside with p_in, across with p_out.</summary>
    public static (WeightedGraph Graph, int[] Truth) PlantedPartition(int groups, int size, double pIn, double pOut, int seed)
    {
        var random = new Random(seed);
        var truth = Enumerable.Range(0, groups * size).Select(i => i / size).ToArray();
        var edges = new List<(int, int, double)>();
        for (var i = 0; i < truth.Length; i++)
        {
            for (var j = i + 1; j < truth.Length; j++)
            {
                if (random.NextDouble() < (truth[i] == truth[j] ? pIn : pOut))
                {
                    edges.Add((i, j, 1.0));
                }
            }
        }

        return (WeightedGraph.FromEdges(truth.Length, edges), truth);
    }

    /// <summary>Normalised mutual information of two partitions (1: identical up to renaming).</summary>
    public static double NormalizedMutualInformation(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var n = (double)a.Count;
        var joint = a.Zip(b).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count() / n);
        var pa = a.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count() / n);
        var pb = b.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count() / n);
        var mutual = joint.Sum(j => j.Value * Math.Log(j.Value / (pa[j.Key.First] * pb[j.Key.Second])));
        var (ha, hb) = (-pa.Values.Sum(p => p * Math.Log(p)), -pb.Values.Sum(p => p * Math.Log(p)));
        return ha + hb == 0 ? 1 : 2 * mutual / (ha + hb);
    }
}
