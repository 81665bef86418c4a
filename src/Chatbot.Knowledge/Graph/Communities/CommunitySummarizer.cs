using Chatbot.Knowledge.Graph.Extraction.Patterns;
using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// Summarises a community without a model: its entities ranked by weighted degree inside the community, and the
/// sentences stating its internal edges ranked by how central the entities they connect are (each edge's evidence
/// span picks the sentences; a sentence scores confidence × (degree of source + degree of target) per edge it states).
/// Stateless and thread-safe.
/// </summary>
public sealed class CommunitySummarizer(int maxEntities = 5, int maxSentences = 3)
{
    /// <summary>Summarises <paramref name="community"/>.</summary>
    /// <param name="community">The community.</param>
    /// <param name="edges">Edges of the graph (those with both ends in the community are used).</param>
    /// <param name="nodes">Entities by id, for names and types.</param>
    /// <param name="chunkText">The text of a chunk by id; null when unknown (its sentences are skipped).</param>
    public CommunitySummary Summarize(
        Community community, IEnumerable<GraphEdge> edges, IReadOnlyDictionary<string, GraphNode> nodes, Func<string, string?> chunkText)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(chunkText);
        var members = community.EntityIds.ToHashSet(StringComparer.Ordinal);
        var inside = edges.Where(e => members.Contains(e.SourceId) && members.Contains(e.TargetId)).ToList();
        var degree = members.ToDictionary(id => id, _ => 0.0, StringComparer.Ordinal);
        foreach (var edge in inside)
        {
            degree[edge.SourceId] += edge.Confidence;
            degree[edge.TargetId] += edge.Confidence;
        }

        var top = degree.Where(d => nodes.ContainsKey(d.Key))
            .OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Take(maxEntities)
            .Select(d => new RankedEntity(d.Key, nodes[d.Key].Name, nodes[d.Key].Type, d.Value))
            .ToList();
        return new CommunitySummary(community.Level, community.Id, top, Sentences(inside, degree, chunkText));
    }

    private List<SupportingSentence> Sentences(List<GraphEdge> inside, Dictionary<string, double> degree, Func<string, string?> chunkText)
    {
        var scores = new Dictionary<(string Chunk, int Start, int End), double>();
        var texts = new Dictionary<string, (string Text, List<(int Start, int End)> Sentences)?>(StringComparer.Ordinal);
        foreach (var edge in inside)
        {
            var weight = edge.Confidence * (degree[edge.SourceId] + degree[edge.TargetId]);
            foreach (var support in edge.Supports)
            {
                if (!texts.TryGetValue(support.ChunkId, out var chunk))
                {
                    var text = chunkText(support.ChunkId);
                    texts[support.ChunkId] = chunk = text is null ? null : (text, ExtractionSentences.Split(text).ToList());
                }

                foreach (var (start, end) in chunk?.Sentences.Where(s => s.Start < support.EvidenceEnd && support.EvidenceStart < s.End) ?? [])
                {
                    scores[(support.ChunkId, start, end)] = scores.GetValueOrDefault((support.ChunkId, start, end)) + weight;
                }
            }
        }

        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key.Chunk, StringComparer.Ordinal).ThenBy(s => s.Key.Start)
            .DistinctBy(s => texts[s.Key.Chunk]!.Value.Text[s.Key.Start..s.Key.End])
            .Take(maxSentences)
            .Select(s => new SupportingSentence(s.Key.Chunk, texts[s.Key.Chunk]!.Value.Text[s.Key.Start..s.Key.End], s.Key.Start, s.Key.End, s.Value))
            .ToList();
    }
}
