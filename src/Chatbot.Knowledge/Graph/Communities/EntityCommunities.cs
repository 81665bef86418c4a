using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>A community hierarchy over entities (<see cref="CommunityDetector.Detect(IEnumerable{GraphEdge})"/>).</summary>
/// <param name="EntityIds">The entities, in ordinal order; node i of the hierarchy is <c>EntityIds[i]</c>.</param>
/// <param name="Hierarchy">The levels.</param>
public sealed record EntityCommunities(IReadOnlyList<string> EntityIds, CommunityHierarchy Hierarchy)
{
    /// <summary>Number of levels.</summary>
    public int LevelCount => Hierarchy.Levels.Count;

    /// <summary>The communities of <paramref name="level"/>, by id.</summary>
    public IReadOnlyList<Community> At(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, LevelCount);
        var membership = Hierarchy.Levels[level].Membership;
        var above = level + 1 < LevelCount ? Hierarchy.Levels[level + 1].Membership : null;
        return Enumerable.Range(0, EntityIds.Count)
            .GroupBy(i => membership[i])
            .OrderBy(g => g.Key)
            .Select(g => new Community(level, g.Key, g.Select(i => EntityIds[i]).ToList(), above?[g.First()]))
            .ToList();
    }

    /// <summary>Every community of every level, finest level first.</summary>
    public IEnumerable<Community> All => Enumerable.Range(0, LevelCount).SelectMany(At);
}
