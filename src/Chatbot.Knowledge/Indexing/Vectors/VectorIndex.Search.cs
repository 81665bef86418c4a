using System.Buffers;

namespace Chatbot.Knowledge.Indexing.Vectors;

public sealed partial class VectorIndex
{
    /// <summary>
    /// Top <paramref name="topK"/> chunks by cosine similarity to <paramref name="query"/>, best first. Uses HNSW when
    /// active, except for document filters (a small candidate set, scanned exactly) and when the graph finds fewer
    /// than <paramref name="topK"/> matches under a filter (then an exact scan answers).
    /// </summary>
    public IReadOnlyList<ScoredChunk> Search(ReadOnlySpan<float> query, int topK, SearchFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        if (_graph is null || filter?.DocumentIds is not null)
        {
            return SearchExact(query, topK, filter);
        }

        var unit = Normalize(query, out var rented);
        try
        {
            var catalog = _catalog;
            var hits = _graph.Search(unit, topK, _options.Hnsw.EfSearch, slot => catalog.Matches(slot, filter));
            if (hits.Count < Math.Min(topK, Count) && filter is { IsEmpty: false })
            {
                return SearchExact(query, topK, filter);
            }

            var collector = new TopKCollector(topK, catalog);
            foreach (var (slot, similarity) in hits)
            {
                collector.Offer(slot, similarity);
            }

            return collector.ToResults();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>Exact top <paramref name="topK"/> by a SIMD scan over the matching live vectors, best first.</summary>
    public IReadOnlyList<ScoredChunk> SearchExact(ReadOnlySpan<float> query, int topK, SearchFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"Expected a query of {Dimensions} dimensions, got {query.Length}.", nameof(query));
        }

        var unit = Normalize(query, out var rented);
        try
        {
            var collector = new TopKCollector(topK, _catalog);
            IEnumerable<int> slots = filter?.DocumentIds is { } documents
                ? _catalog.SlotsOfDocuments(documents)
                : Enumerable.Range(0, _catalog.SlotCount);
            foreach (var slot in slots)
            {
                if (_catalog.Matches(slot, filter))
                {
                    collector.Offer(slot, VectorMath.Dot(unit, _store.Row(slot)));
                }
            }

            return collector.ToResults();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private Span<float> Normalize(ReadOnlySpan<float> query, out float[] rented)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"Expected a query of {Dimensions} dimensions, got {query.Length}.", nameof(query));
        }

        rented = ArrayPool<float>.Shared.Rent(Dimensions);
        var unit = rented.AsSpan(0, Dimensions);
        query.CopyTo(unit);
        VectorMath.Normalize(unit);
        return unit;
    }
}
