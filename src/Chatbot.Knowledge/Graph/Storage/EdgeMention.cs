namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>One chunk stating a relation between resolved entities.</summary>
/// <param name="Key">Source, relation, target (symmetric relations in canonical order).</param>
/// <param name="Confidence">The extractor's confidence, 0 to 1.</param>
/// <param name="ChunkId">The chunk.</param>
/// <param name="EvidenceStart">Offset in the chunk's text where the statement starts.</param>
/// <param name="EvidenceEnd">Offset one past its end.</param>
public sealed record EdgeMention(EdgeKey Key, double Confidence, string ChunkId, int EvidenceStart, int EvidenceEnd);
