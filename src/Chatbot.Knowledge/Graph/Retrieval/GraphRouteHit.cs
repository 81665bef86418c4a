using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>A chunk the graph route found, and why.</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Score">Its graph score (see <see cref="GraphChunkRanking"/>).</param>
/// <param name="Entity">The entity it is about: the question's entity for a seed's chunk, a path's answer for an answer chunk, null for a chunk stating a step.</param>
/// <param name="Path">The best path it belongs to; null for the chunk of a question entity no path starts from.</param>
public sealed record GraphRouteHit(ChunkRef Chunk, double Score, GraphNode? Entity, GraphPath? Path);
