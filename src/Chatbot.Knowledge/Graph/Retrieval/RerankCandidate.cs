using Chatbot.Knowledge.Indexing.Fusion;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>A fused result offered to <see cref="LexicalPathReranker"/>.</summary>
/// <param name="Fused">Its fused score and per-route ranks.</param>
/// <param name="Text">Its text (chunk or community summary).</param>
/// <param name="PathConfidence">The score of the best graph path it states, relative to the best path found (0–1); 0 when none.</param>
public sealed record RerankCandidate(FusedHit Fused, string Text, double PathConfidence);
