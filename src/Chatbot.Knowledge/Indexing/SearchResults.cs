namespace Chatbot.Knowledge.Indexing;

/// <summary>
/// The one ordering every index and merge uses: score descending, then chunk id (ordinal) ascending, so results
/// never depend on insertion order or on how chunks were spread over partitions.
/// </summary>
public static class SearchResults
{
    /// <summary>Compares two hits in result order (better first).</summary>
    public static int Compare(ScoredChunk x, ScoredChunk y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byScore = y.Score.CompareTo(x.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(x.ChunkId, y.ChunkId);
    }

    /// <summary>
    /// Merges the per-partition top lists of one route into the global top <paramref name="topK"/>.
    /// Exact as long as each partition returned its own top <paramref name="topK"/> scored with shared statistics.
    /// </summary>
    public static IReadOnlyList<ScoredChunk> Merge(IEnumerable<IReadOnlyList<ScoredChunk>> partitions, int topK)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var all = partitions.SelectMany(p => p).ToList();
        all.Sort(Compare);
        return all.Count > topK ? all.GetRange(0, topK) : all;
    }
}
