using Chatbot.Knowledge.Graph.Extraction;

namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>An extractor's output for one chunk, with the chunk it came from.</summary>
/// <param name="ChunkId">The chunk id.</param>
/// <param name="Text">The chunk text the extraction's evidence offsets refer to; its alias definitions are learned.</param>
/// <param name="Extraction">What was extracted.</param>
public sealed record ChunkExtraction(string ChunkId, string Text, GraphExtraction Extraction);
