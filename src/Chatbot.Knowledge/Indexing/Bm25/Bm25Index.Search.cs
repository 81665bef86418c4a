using System.Buffers;

namespace Chatbot.Knowledge.Indexing.Bm25;

public sealed partial class Bm25Index
{
    /// <summary>
    /// This index's own statistics for the given terms — what a partition reports before a dataset-wide search.
    /// </summary>
    public Bm25Statistics GetStatistics(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            frequencies[term] = _termIds.TryGetValue(term, out var id) ? _postings[id].DocumentFrequency : 0;
        }

        return new Bm25Statistics(Count, TotalLength, frequencies);
    }

    /// <summary>Searches with this index's own statistics (a single-partition dataset).</summary>
    public IReadOnlyList<ScoredChunk> Search(Bm25Query query, int topK, SearchFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Search(query, GetStatistics(query.DistinctTerms), topK, filter);
    }

    /// <summary>
    /// Scores chunks against <paramref name="query"/> using <paramref name="corpus"/> statistics (normally the sum
    /// over all partitions) and returns the best <paramref name="topK"/>, best first:
    /// score = Σ qtf · ln(1 + (N − df + 0.5)/(df + 0.5)) · tf·(k1 + 1) / (tf + k1·(1 − b + b·len/avgLen)).
    /// Terms missing from <paramref name="corpus"/> contribute nothing.
    /// </summary>
    public IReadOnlyList<ScoredChunk> Search(Bm25Query query, Bm25Statistics corpus, int topK, SearchFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        if (topK == 0 || corpus.DocumentCount == 0 || Count == 0)
        {
            return [];
        }

        var n = (double)corpus.DocumentCount;
        var averageLength = corpus.AverageLength;
        double k1 = _options.K1, b = _options.B;
        var scores = ArrayPool<double>.Shared.Rent(_catalog.SlotCount);
        var seen = ArrayPool<bool>.Shared.Rent(_catalog.SlotCount);
        Array.Clear(seen, 0, _catalog.SlotCount);
        var touched = new List<int>();
        try
        {
            // Terms in query order: each chunk's sum is accumulated in the same order in every partition.
            foreach (var (term, queryCount) in query.Terms)
            {
                var df = corpus.DocumentFrequency(term);
                if (df <= 0 || !_termIds.TryGetValue(term, out var termId))
                {
                    continue;
                }

                var weight = queryCount * Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                var postings = _postings[termId];
                var slots = postings.Slots;
                var frequencies = postings.Frequencies;
                for (var i = 0; i < slots.Length; i++)
                {
                    var entry = _forward[slots[i]];
                    if (entry is null)
                    {
                        continue;
                    }

                    double tf = frequencies[i];
                    var norm = k1 * (1 - b + (b * entry.Length / averageLength));
                    var contribution = weight * (tf * (k1 + 1) / (tf + norm));
                    if (!seen[slots[i]])
                    {
                        seen[slots[i]] = true;
                        scores[slots[i]] = 0;
                        touched.Add(slots[i]);
                    }

                    scores[slots[i]] += contribution;
                }
            }

            var collector = new TopKCollector(topK, _catalog);
            foreach (var slot in touched)
            {
                if (_catalog.Matches(slot, filter))
                {
                    collector.Offer(slot, scores[slot]);
                }
            }

            return collector.ToResults();
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<bool>.Shared.Return(seen);
        }
    }
}
