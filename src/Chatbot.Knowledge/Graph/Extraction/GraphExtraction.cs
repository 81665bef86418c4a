namespace Chatbot.Knowledge.Graph.Extraction;

/// <summary>What an <see cref="IGraphExtractor"/> found in one chunk: its entities and the relations between them.</summary>
/// <param name="Entities">Distinct entities, in order of first mention.</param>
/// <param name="Relations">Relations whose source and target are among <paramref name="Entities"/>' names.</param>
public sealed record GraphExtraction(IReadOnlyList<ExtractedEntity> Entities, IReadOnlyList<ExtractedRelation> Relations)
{
    /// <summary>Nothing found.</summary>
    public static GraphExtraction Empty { get; } = new([], []);
}
