using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Building;

/// <summary>A built document graph.</summary>
/// <param name="Graph">The document's graph, names resolved.</param>
/// <param name="FailedChunks">Chunks the extractor gave up on (a model that never replied with usable JSON).</param>
public sealed record DocumentGraphBuild(DocumentGraph Graph, int FailedChunks);
