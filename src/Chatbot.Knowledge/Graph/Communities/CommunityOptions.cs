namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>Options of <see cref="CommunityDetector"/>. Immutable.</summary>
public sealed record CommunityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge:Graph:Communities";

    /// <summary>The optimiser. Default <see cref="CommunityAlgorithm.Leiden"/>; <see cref="CommunityDetector"/> gives the measurements behind the choice.</summary>
    public CommunityAlgorithm Algorithm { get; init; } = CommunityAlgorithm.Leiden;

    /// <summary>Seed of the node visiting order; the same seed and graph give the same communities. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Resolution γ: above 1 favours smaller communities, below 1 larger ones. Default 1.</summary>
    public double Resolution { get; init; } = 1;

    /// <summary>Aggregation levels at most. Default 10.</summary>
    public int MaxLevels { get; init; } = 10;

    /// <summary>A level that raises modularity by less than this ends the hierarchy. Default 1e-7.</summary>
    public double MinModularityGain { get; init; } = 1e-7;
}
