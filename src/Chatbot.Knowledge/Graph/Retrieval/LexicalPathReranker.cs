using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Retrieval;

/// <summary>
/// The rerank step after fusion, cheap enough for every query (no model): each of the best
/// <see cref="GraphFusionOptions.RerankDepth"/> fused candidates scores
/// <c>fused / best fused + LexicalWeight × lexical coverage + PathWeight × path confidence</c>, where lexical coverage
/// is the IDF-weighted share of the query's terms the candidate contains (IDF over the candidates) and path confidence
/// is the relative score of the best graph path the candidate states. Fusion ranks by position only; this brings back
/// how much of the question a passage covers and how sure the graph is about the chain it belongs to. Candidates below
/// the depth keep their fused order beneath the reranked ones. Thread-safe when the analyzer is.
/// </summary>
public sealed class LexicalPathReranker(ITextAnalyzer analyzer, GraphFusionOptions options)
{
    /// <summary>The candidates (in fused order, best first) reordered, each with its final score.</summary>
    public IReadOnlyList<(RerankCandidate Candidate, double Score)> Rerank(string query, IReadOnlyList<RerankCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return [];
        }

        var best = candidates.Max(c => c.Fused.Score);
        var depth = Math.Min(options.RerankDepth, candidates.Count);
        var reranked = candidates.Take(depth).ToList();
        var terms = analyzer.Analyze(query).Distinct(StringComparer.Ordinal).ToList();
        var texts = reranked.Select(c => analyzer.Analyze(c.Text).ToHashSet(StringComparer.Ordinal)).ToList();
        var idf = terms.ToDictionary(t => t, t => Math.Log(1 + (texts.Count / (0.5 + texts.Count(x => x.Contains(t))))), StringComparer.Ordinal);
        var total = idf.Values.Sum();
        double Relative(RerankCandidate c) => best > 0 ? c.Fused.Score / best : 0;

        return reranked
            .Select((c, i) =>
            {
                var coverage = total > 0 ? terms.Where(texts[i].Contains).Sum(t => idf[t]) / total : 0;
                return (Candidate: c, Score: Relative(c) + (options.LexicalWeight * coverage) + (options.PathWeight * c.PathConfidence), Order: i);
            })
            .OrderByDescending(r => r.Score).ThenBy(r => r.Order)
            .Select(r => (r.Candidate, r.Score))
            .Concat(candidates.Skip(depth).Select(c => (c, Relative(c))))
            .ToList();
    }
}
