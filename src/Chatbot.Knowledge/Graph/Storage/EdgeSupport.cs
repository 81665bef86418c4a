namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>One chunk stating an edge.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="ChunkId">The chunk.</param>
/// <param name="Confidence">The extractor's confidence in this statement, 0 to 1.</param>
/// <param name="EvidenceStart">Offset in the chunk's text where the statement starts.</param>
/// <param name="EvidenceEnd">Offset one past its end.</param>
public sealed record EdgeSupport(string DocumentId, string ChunkId, double Confidence, int EvidenceStart, int EvidenceEnd)
{
    /// <summary>The chunk as a <see cref="ChunkRef"/>.</summary>
    public ChunkRef Chunk => new(DocumentId, ChunkId);
}
