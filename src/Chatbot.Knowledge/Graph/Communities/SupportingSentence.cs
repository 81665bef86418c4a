namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>A sentence stating relations inside a community.</summary>
/// <param name="ChunkId">The chunk it is quoted from.</param>
/// <param name="Text">The sentence, verbatim.</param>
/// <param name="Start">Its offset in the chunk text.</param>
/// <param name="End">One past its end.</param>
/// <param name="Score">Σ over the community edges it states of confidence × (degree of source + degree of target).</param>
public sealed record SupportingSentence(string ChunkId, string Text, int Start, int End, double Score);
