using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// Matches a (broad) question to community summaries: a summary scores the IDF-weighted share of the question's terms
/// its text and entity names contain, IDF taken over the summaries; those below <c>minScore</c> are not a match.
/// Thread-safe when the analyzer is.
/// </summary>
public sealed class CommunityRanker(ITextAnalyzer analyzer, double minScore = 0.25)
{
    /// <summary>The matching summaries, best first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<(GraphCommunitySummary Summary, double Score)> Rank(string query, IReadOnlyList<GraphCommunitySummary> summaries, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(summaries);
        var terms = analyzer.Analyze(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0 || summaries.Count == 0)
        {
            return [];
        }

        var texts = summaries
            .Select(s => analyzer.Analyze(s.Text + "\n" + string.Join("\n", s.Entities.Select(e => e.Name))).ToHashSet(StringComparer.Ordinal))
            .ToList();
        var idf = terms.ToDictionary(t => t, t => Math.Log(1 + (texts.Count / (0.5 + texts.Count(x => x.Contains(t))))), StringComparer.Ordinal);
        var total = idf.Values.Sum();
        return summaries
            .Select((s, i) => (Summary: s, Score: terms.Where(texts[i].Contains).Sum(t => idf[t]) / total))
            .Where(r => r.Score >= minScore)
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Summary.Size).ThenBy(r => r.Summary.Level).ThenBy(r => r.Summary.Id)
            .Take(limit)
            .ToList();
    }
}
