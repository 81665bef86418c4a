namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>One level of a community hierarchy.</summary>
/// <param name="Membership">For each original node, its community at this level (0..<paramref name="Count"/>−1).</param>
/// <param name="Count">Communities at this level.</param>
/// <param name="Modularity">The level's modularity on the original graph.</param>
public sealed record CommunityLevel(IReadOnlyList<int> Membership, int Count, double Modularity);
