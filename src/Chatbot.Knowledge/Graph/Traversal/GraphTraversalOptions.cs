namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>Options of <see cref="GraphTraversal"/>. Immutable.</summary>
public sealed record GraphTraversalOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge:Graph:Traversal";

    /// <summary>Partial paths kept after each hop. Default 32.</summary>
    public int BeamWidth { get; init; } = 32;

    /// <summary>Score factor per hop, so a shorter explanation wins when all else is equal. Default 0.8.</summary>
    public double HopDecay { get; init; } = 0.8;

    /// <summary>Query entities to start from at most. Default 5.</summary>
    public int MaxSeeds { get; init; } = 5;

    /// <summary>Lowest <see cref="Storage.EntityMatch.Score"/> an entity needs to be a starting point. Default 0.3.</summary>
    public double MinSeedScore { get; init; } = 0.3;

    /// <summary>
    /// Score factor for each relation the question asks about (<see cref="QueryCues"/>) that a path does not use.
    /// Default 0.3: a path answering every part of a three-part question beats a one-hop path answering one part.
    /// </summary>
    public double MissedCuePenalty { get; init; } = 0.3;

    /// <summary>Edges followed from one entity at most, the most confident first. Default 64.</summary>
    public int MaxEdgesPerEntity { get; init; } = 64;

    /// <summary>Paths returned at most. Default 10.</summary>
    public int MaxPaths { get; init; } = 10;
}
