namespace Chatbot.Knowledge.Indexing.Evaluation;

/// <summary>Standard ranking metrics over one ranked list of document ids. Stateless.</summary>
public static class RetrievalMetrics
{
    /// <summary>Fraction of <paramref name="relevant"/> that appears in the first <paramref name="k"/> of <paramref name="ranked"/>.</summary>
    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        if (relevant.Count == 0)
        {
            return 0;
        }

        var found = ranked.Take(k).Distinct(StringComparer.Ordinal).Count(relevant.Contains);
        return (double)found / relevant.Count;
    }

    /// <summary>1 / rank of the first relevant id within the first <paramref name="k"/>, or 0.</summary>
    public static double ReciprocalRankAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>
    /// Normalised discounted cumulative gain of the first <paramref name="k"/> with binary relevance:
    /// Σ 1/log2(rank + 1) over relevant ids (each counted once), divided by the same sum for an ideal ranking that puts
    /// min(|relevant|, k) relevant ids first. 0 when nothing is relevant.
    /// </summary>
    public static double NdcgAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        if (relevant.Count == 0)
        {
            return 0;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        double gain = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i]) && seen.Add(ranked[i]))
            {
                gain += 1 / Math.Log2(i + 2);
            }
        }

        double ideal = 0;
        for (var i = 0; i < Math.Min(k, relevant.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return gain / ideal;
    }
}
