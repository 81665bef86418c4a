namespace Chatbot.Knowledge.Graph.Extraction;

/// <summary>A directed relation stated in one chunk: <c>Source Relation Target</c>.</summary>
/// <param name="Source">The source entity's name, as in <see cref="ExtractedEntity.Name"/>.</param>
/// <param name="Relation">The relation type.</param>
/// <param name="Target">The target entity's name.</param>
/// <param name="Confidence">How sure the extractor is, 0 to 1: about 0.9 for an explicit pattern, 0.2 for mere co-occurrence.</param>
/// <param name="EvidenceStart">Offset (UTF-16 code units) in the chunk text where the stating text starts.</param>
/// <param name="EvidenceEnd">Offset one past its end, so the evidence is <c>text[EvidenceStart..EvidenceEnd]</c>.</param>
public sealed record ExtractedRelation(
    string Source, RelationType Relation, string Target, double Confidence, int EvidenceStart, int EvidenceEnd);
