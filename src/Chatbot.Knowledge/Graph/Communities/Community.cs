namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>One community of entities at one level of the hierarchy.</summary>
/// <param name="Level">0 for the finest level.</param>
/// <param name="Id">Its id within the level.</param>
/// <param name="EntityIds">Its entities, in ordinal order.</param>
/// <param name="ParentId">The community of level <paramref name="Level"/>+1 containing it; null at the top level.</param>
public sealed record Community(int Level, int Id, IReadOnlyList<string> EntityIds, int? ParentId);
