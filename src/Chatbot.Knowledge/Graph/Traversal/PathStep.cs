using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>One step of a path: an edge, walked from <paramref name="FromId"/> to <paramref name="ToId"/>.</summary>
/// <param name="Edge">The edge, with its confidence and supporting chunks.</param>
/// <param name="FromId">The entity the step leaves.</param>
/// <param name="ToId">The entity it reaches.</param>
public sealed record PathStep(GraphEdge Edge, string FromId, string ToId)
{
    /// <summary>Whether the step follows the edge's direction (source to target); otherwise it reads the inverse.</summary>
    public bool Forward => Edge.SourceId == FromId;

    /// <summary>The chunks stating the edge.</summary>
    public IReadOnlyList<ChunkRef> SupportingChunks => Edge.Supports.Select(s => s.Chunk).Distinct().ToList();
}
