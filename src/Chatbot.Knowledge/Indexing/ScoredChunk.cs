namespace Chatbot.Knowledge.Indexing;

/// <summary>One search hit from a single route (BM25 or dense).</summary>
/// <param name="ChunkId">The chunk that matched.</param>
/// <param name="DocumentId">The document the chunk belongs to.</param>
/// <param name="Score">Route-specific score: BM25 score, or cosine similarity for dense search. Higher is better.</param>
public sealed record ScoredChunk(string ChunkId, string DocumentId, double Score);
