namespace Chatbot.Knowledge.Indexing;

/// <summary>
/// Keeps the best <c>k</c> (score, slot) pairs seen so far in a bounded min-heap: O(n log k) for n candidates.
/// Ties are broken by chunk id so that the kept set matches <see cref="SearchResults.Compare"/>. Not thread-safe;
/// create one per search.
/// </summary>
internal sealed class TopKCollector
{
    private readonly int _k;
    private readonly ChunkCatalog _catalog;
    private readonly PriorityQueue<int, (double Score, string ChunkId)> _heap;

    public TopKCollector(int k, ChunkCatalog catalog)
    {
        _k = k;
        _catalog = catalog;
        _heap = new PriorityQueue<int, (double, string)>(k + 1, WorstFirst.Instance);
    }

    public void Offer(int slot, double score)
    {
        if (_k == 0)
        {
            return;
        }

        var key = (score, _catalog.ChunkId(slot));
        if (_heap.Count < _k)
        {
            _heap.Enqueue(slot, key);
        }
        else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0)
        {
            _heap.DequeueEnqueue(slot, key);
        }
    }

    /// <summary>Returns the kept hits, best first.</summary>
    public IReadOnlyList<ScoredChunk> ToResults()
    {
        var hits = new ScoredChunk[_heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            _heap.TryDequeue(out var slot, out var key);
            hits[i] = new ScoredChunk(key.ChunkId, _catalog.DocumentId(slot), key.Score);
        }

        return hits;
    }

    /// <summary>Orders keys worst first: lower score, then larger chunk id.</summary>
    private sealed class WorstFirst : IComparer<(double Score, string ChunkId)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, string ChunkId) x, (double Score, string ChunkId) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.ChunkId, x.ChunkId);
        }
    }
}
