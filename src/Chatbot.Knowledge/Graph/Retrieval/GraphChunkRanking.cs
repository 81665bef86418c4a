using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>
/// Turns traversal paths into the graph route's ranked chunks. A chunk stating a step of a path scores that path's
/// score; a chunk that only mentions a path's answer entity (where the answer is described: the second paragraph of
/// a bridge question) scores <c>answerChunkWeight</c> × the path's score, at most <c>answerChunksPerPath</c> of them per
/// path. Each chunk keeps its best path. Pure; thread-safe.
/// </summary>
public static class GraphChunkRanking
{
    /// <summary>Ranks the chunks of <paramref name="paths"/> (best path first), best chunk first.</summary>
    public static IReadOnlyList<GraphRouteHit> Rank(IReadOnlyList<GraphPath> paths, double answerChunkWeight, int answerChunksPerPath)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var best = new Dictionary<ChunkRef, GraphRouteHit>();
        void Offer(GraphRouteHit hit)
        {
            if (!best.TryGetValue(hit.Chunk, out var seen) || seen.Score < hit.Score)
            {
                best[hit.Chunk] = hit;
            }
        }

        foreach (var path in paths)
        {
            var stated = path.SupportingChunks;
            foreach (var chunk in stated)
            {
                Offer(new GraphRouteHit(chunk, path.Score, path, StatesStep: true));
            }

            foreach (var chunk in path.Answer.Chunks.Where(c => !stated.Contains(c)).Take(answerChunksPerPath))
            {
                Offer(new GraphRouteHit(chunk, path.Score * answerChunkWeight, path, StatesStep: false));
            }
        }

        return best.Values
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => h.StatesStep)
            .ThenBy(h => h.Chunk.ChunkId, StringComparer.Ordinal)
            .ToList();
    }
}
