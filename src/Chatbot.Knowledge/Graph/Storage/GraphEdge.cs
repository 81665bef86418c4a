namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>A directed relation between two entities, merged over every chunk that states it.</summary>
/// <param name="Key">Source, relation and target.</param>
/// <param name="Confidence">
/// Combined confidence: the chance at least one supporting statement is right when each is independently right with
/// its own confidence (noisy-or, 1 − Π(1 − cᵢ)). Recomputed when a document goes.
/// </param>
/// <param name="Supports">The statements, one per chunk.</param>
public sealed record GraphEdge(EdgeKey Key, double Confidence, IReadOnlyList<EdgeSupport> Supports)
{
    /// <summary>The source entity's id.</summary>
    public string SourceId => Key.SourceId;

    /// <summary>The relation.</summary>
    public RelationType Relation => Key.Relation;

    /// <summary>The target entity's id.</summary>
    public string TargetId => Key.TargetId;

    /// <summary>Noisy-or of the statements' confidences.</summary>
    public static double Combine(IEnumerable<double> confidences) =>
        1 - confidences.Aggregate(1.0, (miss, c) => miss * (1 - Math.Clamp(c, 0, 1)));
}
