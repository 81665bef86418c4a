using System.Buffers;

namespace Chatbot.Knowledge.Indexing.Vectors;

internal sealed partial class HnswGraph
{
    /// <summary>
    /// Approximate top <paramref name="k"/> nodes by similarity to a unit <paramref name="query"/>, best first, among
    /// nodes <paramref name="accept"/> admits (rejected nodes are still traversed).
    /// </summary>
    public List<(int Node, float Similarity)> Search(ReadOnlySpan<float> query, int k, int ef, Func<int, bool> accept)
    {
        if (_entryPoint < 0 || k <= 0)
        {
            return [];
        }

        var entry = GreedyDescend(query, _topLevel, 0);
        var results = SearchLayer(query, [entry], Math.Max(ef, k), 0, accept);
        return results.Count > k ? results.GetRange(0, k) : results;
    }

    /// <summary>Greedy walk from the entry point down to (excluding) <paramref name="stopLevel"/>.</summary>
    private (int Node, float Similarity) GreedyDescend(ReadOnlySpan<float> query, int fromLevel, int stopLevel)
    {
        var current = _entryPoint;
        var best = VectorMath.Dot(query, _vectors.Row(current));
        for (var level = fromLevel; level > stopLevel; level--)
        {
            var improved = true;
            while (improved)
            {
                improved = false;
                var list = _links[current][level];
                for (var i = 1; i <= list[0]; i++)
                {
                    var similarity = VectorMath.Dot(query, _vectors.Row(list[i]));
                    if (similarity > best)
                    {
                        (best, current, improved) = (similarity, list[i], true);
                    }
                }
            }
        }

        return (current, best);
    }

    /// <summary>Best-first search of one layer with a bounded result set of size <paramref name="ef"/>; sorted best first.</summary>
    private List<(int Node, float Similarity)> SearchLayer(
        ReadOnlySpan<float> query, List<(int Node, float Similarity)> entries, int ef, int level, Func<int, bool>? accept)
    {
        var visited = ArrayPool<bool>.Shared.Rent(_links.Count);
        Array.Clear(visited, 0, _links.Count);
        var candidates = new PriorityQueue<int, float>();   // best first (negated similarity)
        var results = new PriorityQueue<int, float>();      // worst first
        try
        {
            foreach (var (node, similarity) in entries)
            {
                visited[node] = true;
                candidates.Enqueue(node, -similarity);
                if (accept is null || accept(node))
                {
                    results.Enqueue(node, similarity);
                }
            }

            while (results.Count > ef)
            {
                results.Dequeue();
            }

            while (candidates.TryDequeue(out var current, out var negated))
            {
                if (results.Count >= ef && results.TryPeek(out _, out var worst) && -negated < worst)
                {
                    break;
                }

                var list = _links[current][level];
                for (var i = 1; i <= list[0]; i++)
                {
                    var neighbor = list[i];
                    if (visited[neighbor])
                    {
                        continue;
                    }

                    visited[neighbor] = true;
                    var similarity = VectorMath.Dot(query, _vectors.Row(neighbor));
                    if (results.Count < ef || (results.TryPeek(out _, out var lowest) && similarity > lowest))
                    {
                        candidates.Enqueue(neighbor, -similarity);
                        if (accept is null || accept(neighbor))
                        {
                            results.Enqueue(neighbor, similarity);
                            if (results.Count > ef)
                            {
                                results.Dequeue();
                            }
                        }
                    }
                }
            }

            var sorted = new List<(int Node, float Similarity)>(results.Count);
            while (results.TryDequeue(out var node, out var similarity))
            {
                sorted.Add((node, similarity));
            }

            sorted.Reverse();
            return sorted;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(visited);
        }
    }
}
