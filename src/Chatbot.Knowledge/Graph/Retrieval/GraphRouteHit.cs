using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>A chunk the graph route found, and why.</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Score">The score of the best path it supports (discounted when it only mentions the path's answer).</param>
/// <param name="Path">That path.</param>
/// <param name="StatesStep">Whether the chunk states a step of the path (otherwise it mentions the answer entity).</param>
public sealed record GraphRouteHit(ChunkRef Chunk, double Score, GraphPath Path, bool StatesStep);
