namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>Which multi-level modularity optimiser <see cref="CommunityDetector"/> runs.</summary>
public enum CommunityAlgorithm
{
    /// <summary>Louvain (Blondel et al. 2008): local moving, then aggregate each community into a node, repeated.</summary>
    Louvain,

    /// <summary>
    /// Leiden (Traag et al. 2019): Louvain's local moving plus a refinement that splits each community into
    /// well-connected parts before aggregating, so no community ends up internally disconnected.
    /// </summary>
    Leiden,
}
