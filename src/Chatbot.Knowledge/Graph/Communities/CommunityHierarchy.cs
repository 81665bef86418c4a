namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// Communities of communities: level 0 is the finest partition, each later level merges the one before (every
/// community of level l lies inside exactly one of level l+1), and the last level has the best modularity found.
/// A graph without edges has one level of singletons.
/// </summary>
/// <param name="Levels">The levels, finest first; never empty.</param>
public sealed record CommunityHierarchy(IReadOnlyList<CommunityLevel> Levels)
{
    /// <summary>The coarsest level, with the best modularity.</summary>
    public CommunityLevel Best => Levels[^1];

    /// <summary>The community at level <paramref name="level"/>+1 containing community <paramref name="community"/> of <paramref name="level"/>; null at the top.</summary>
    public int? Parent(int level, int community)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Levels.Count);
        if (level == Levels.Count - 1)
        {
            return null;
        }

        var member = Levels[level].Membership.ToList().IndexOf(community);
        return member < 0 ? null : Levels[level + 1].Membership[member];
    }

    /// <summary>
    /// Turns the partitions a detector passed through (finest first) into a nested hierarchy: the last partition is the
    /// top; each earlier one is split wherever it straddles a community of the level above (Leiden can move a refined
    /// piece between communities, so its rounds need not nest on their own); levels that add no communities or less than
    /// <paramref name="minGain"/> modularity over the level below are dropped.
    /// </summary>
    internal static CommunityHierarchy FromPartitions(WeightedGraph graph, IReadOnlyList<int[]> partitions, double resolution, double minGain)
    {
        var singletons = Enumerable.Range(0, graph.NodeCount).ToArray();
        var nested = new List<int[]>();
        var above = partitions.Count > 0 ? partitions[^1] : singletons;
        for (var i = partitions.Count - 1; i >= 0; i--)
        {
            var level = partitions[i].Zip(above, (own, parent) => ((long)parent << 32) | (uint)own).ToArray();
            var membership = Renumber(level);
            nested.Insert(0, membership);
            above = membership;
        }

        var levels = new List<CommunityLevel>();
        var previous = (Count: graph.NodeCount, Modularity: Modularity.Compute(graph, singletons, resolution));
        foreach (var membership in nested)
        {
            var count = membership.Max() + 1;
            var quality = Modularity.Compute(graph, membership, resolution);
            if (count < previous.Count && quality - previous.Modularity >= minGain)
            {
                levels.Add(new CommunityLevel(membership, count, quality));
                previous = (count, quality);
            }
        }

        return new CommunityHierarchy(levels.Count > 0 ? levels : [new CommunityLevel(singletons, graph.NodeCount, previous.Modularity)]);
    }

    private static int[] Renumber(long[] keys)
    {
        var ids = new Dictionary<long, int>();
        return keys.Select(k => ids.TryGetValue(k, out var id) ? id : ids[k] = ids.Count).ToArray();
    }
}
