using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>
/// Turns a traversal into the graph route's ranked chunks:
/// <list type="bullet">
/// <item>the home chunk of each entity the question names (seed): where its name first appears earliest in the text,
/// the passage that introduces it; scored <see cref="GraphFusionOptions.SeedChunkWeight"/> × the best path score ×
/// <see cref="GraphFusionOptions.SeedDecay"/>^(seed rank), so the most specific entity's home comes first;</item>
/// <item>every chunk stating a step of a path: the path's score;</item>
/// <item>the home chunk of each path's answer entity (the second paragraph of a bridge question):
/// <see cref="GraphFusionOptions.AnswerChunkWeight"/> × the path's score.</item>
/// </list>
/// Each chunk keeps its best score. <c>chunkText</c> gives the text of a chunk by id (null when not at hand: such a chunk
/// can still state a step, but is never taken as an entity's home). Pure; thread-safe.
/// </summary>
public static class GraphChunkRanking
{
    /// <summary>Chunks of an entity considered for its home (the caller fetches their text).</summary>
    public const int HomeCandidates = 6;

    /// <summary>Ranks the chunks of <paramref name="result"/>, best first.</summary>
    public static IReadOnlyList<GraphRouteHit> Rank(GraphSearchResult result, GraphFusionOptions options, Func<string, string?> chunkText)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chunkText);
        var best = new Dictionary<ChunkRef, GraphRouteHit>();
        void Offer(GraphRouteHit hit)
        {
            if (!best.TryGetValue(hit.Chunk, out var seen) || seen.Score < hit.Score)
            {
                best[hit.Chunk] = hit;
            }
        }

        var top = result.Paths.Count > 0 ? result.Paths.Max(p => p.Score) : 1;
        for (var i = 0; i < result.Seeds.Count; i++)
        {
            var seed = result.Seeds[i];
            var path = result.Paths.FirstOrDefault(p => p.Start.Id == seed.Node.Id);
            var score = top * options.SeedChunkWeight * seed.Score * Math.Pow(options.SeedDecay, i);
            foreach (var chunk in Homes(seed.Node, chunkText).Take(options.ChunksPerEntity))
            {
                Offer(new GraphRouteHit(chunk, score, seed.Node, path));
            }
        }

        foreach (var path in result.Paths)
        {
            var stated = path.SupportingChunks;
            foreach (var chunk in stated)
            {
                Offer(new GraphRouteHit(chunk, path.Score, null, path));
            }

            foreach (var chunk in Homes(path.Answer, chunkText).Where(c => !stated.Contains(c)).Take(options.ChunksPerEntity))
            {
                Offer(new GraphRouteHit(chunk, path.Score * options.AnswerChunkWeight, path.Answer, path));
            }
        }

        return best.Values
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Chunk.ChunkId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The chunks that introduce <paramref name="entity"/>, best first: those whose text names it earliest (among the
    /// first <see cref="HomeCandidates"/> chunks that mention it, whose text is at hand).
    /// </summary>
    public static IEnumerable<ChunkRef> Homes(GraphNode entity, Func<string, string?> chunkText)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(chunkText);
        return entity.Chunks.Take(HomeCandidates)
            .Select(c => (Chunk: c, Position: chunkText(c.ChunkId) is { } text ? FirstMention(text, entity.Names) : -1))
            .Where(c => c.Position >= 0)
            .OrderBy(c => c.Position).ThenBy(c => c.Chunk.ChunkId, StringComparer.Ordinal)
            .Select(c => c.Chunk);
    }

    private static int FirstMention(string text, IReadOnlyList<string> names)
    {
        var first = int.MaxValue;
        foreach (var name in names)
        {
            var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < first)
            {
                first = at;
            }
        }

        return first;
    }
}
