using System.Collections.Frozen;

namespace Chatbot.Knowledge.Indexing.Bm25;

/// <summary>
/// Corpus statistics BM25 needs: chunk count, total length (in terms) and per-term document frequency.
/// A partition reports its local statistics for the query terms (<see cref="Bm25Index.GetStatistics"/>); the caller
/// sums them over all partitions (<see cref="Sum"/>) and passes the sum to every partition's
/// <see cref="Bm25Index.Search(Bm25Query, Bm25Statistics, int, SearchFilter?)"/>. Scores then equal those of one
/// index holding every chunk, whatever the partitioning. Immutable.
/// </summary>
/// <param name="DocumentCount">Number of live chunks.</param>
/// <param name="TotalLength">Sum of the chunks' lengths in terms.</param>
/// <param name="DocumentFrequencies">For each requested term, the number of live chunks containing it.</param>
public sealed record Bm25Statistics(long DocumentCount, long TotalLength, IReadOnlyDictionary<string, long> DocumentFrequencies)
{
    /// <summary>Statistics of an empty corpus.</summary>
    public static Bm25Statistics Empty { get; } = new(0, 0, FrozenDictionary<string, long>.Empty);

    /// <summary>Average chunk length in terms (0 for an empty corpus).</summary>
    public double AverageLength => DocumentCount == 0 ? 0 : (double)TotalLength / DocumentCount;

    /// <summary>Document frequency of a term; 0 when the term is unknown or was not requested.</summary>
    public long DocumentFrequency(string term) => DocumentFrequencies.GetValueOrDefault(term);

    /// <summary>Sums partition statistics into dataset-wide statistics.</summary>
    public static Bm25Statistics Sum(IEnumerable<Bm25Statistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        long count = 0, length = 0;
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            count += part.DocumentCount;
            length += part.TotalLength;
            foreach (var (term, df) in part.DocumentFrequencies)
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + df;
            }
        }

        return new Bm25Statistics(count, length, frequencies);
    }
}
