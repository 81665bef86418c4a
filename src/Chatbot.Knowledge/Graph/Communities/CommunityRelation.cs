namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>A relation inside a community, by entity names, as a summary writer is shown it.</summary>
/// <param name="Source">The source entity's name.</param>
/// <param name="Relation">The relation's wire name, for example <c>funded_by</c>.</param>
/// <param name="Target">The target entity's name.</param>
/// <param name="Confidence">The relation's confidence, 0–1.</param>
public sealed record CommunityRelation(string Source, string Relation, string Target, double Confidence);
