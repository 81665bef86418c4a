namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// Identity of an edge: one per (source, relation, target). For the symmetric relations (<c>related_to</c>,
/// <c>collaborates_with</c>) the ordinally smaller id is always the source, so A–B and B–A are one edge.
/// </summary>
public readonly record struct EdgeKey(string SourceId, RelationType Relation, string TargetId)
{
    /// <summary>The key of a relation as stated, with symmetric relations put in canonical order.</summary>
    public static EdgeKey Of(string sourceId, RelationType relation, string targetId) =>
        IsSymmetric(relation) && string.CompareOrdinal(sourceId, targetId) > 0
            ? new EdgeKey(targetId, relation, sourceId)
            : new EdgeKey(sourceId, relation, targetId);

    /// <summary>Whether the relation reads the same both ways.</summary>
    public static bool IsSymmetric(RelationType relation) => relation is RelationType.RelatedTo or RelationType.CollaboratesWith;

    /// <summary>The endpoint that is not <paramref name="entityId"/>.</summary>
    public string Other(string entityId) => entityId == SourceId ? TargetId : SourceId;
}
