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
}
