using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Indexing.Bm25;

/// <summary>A distinct query term and how often it occurred in the query.</summary>
/// <param name="Term">The analyzed term.</param>
/// <param name="Count">Occurrences in the query; the term's score is multiplied by it.</param>
public readonly record struct QueryTerm(string Term, int Count);

/// <summary>
/// An analyzed query: distinct terms in first-occurrence order. That fixed order is what makes scores bit-identical
/// across partitions (floating-point sums are accumulated in the same order everywhere). Immutable.
/// </summary>
public sealed class Bm25Query
{
    private Bm25Query(IReadOnlyList<QueryTerm> terms) => Terms = terms;

    /// <summary>Distinct terms in first-occurrence order.</summary>
    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>The distinct terms, for <see cref="Bm25Index.GetStatistics"/>.</summary>
    public IEnumerable<string> DistinctTerms => Terms.Select(t => t.Term);

    /// <summary>Builds a query from already analyzed terms.</summary>
    public static Bm25Query FromTerms(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var order = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (counts.TryGetValue(term, out var n))
            {
                counts[term] = n + 1;
            }
            else
            {
                counts[term] = 1;
                order.Add(term);
            }
        }

        return new Bm25Query(order.Select(t => new QueryTerm(t, counts[t])).ToArray());
    }

    /// <summary>Analyzes <paramref name="text"/> with the analyzer the index was built with.</summary>
    public static Bm25Query Parse(ITextAnalyzer analyzer, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return FromTerms(analyzer.Analyze(text));
    }
}
