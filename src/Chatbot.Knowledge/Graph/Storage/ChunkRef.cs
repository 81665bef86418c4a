namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>A chunk that supports a node or an edge, with the document it belongs to (deletion is by document).</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="ChunkId">The chunk, as indexed (for example <c>doc-7:3</c>).</param>
public readonly record struct ChunkRef(string DocumentId, string ChunkId);
