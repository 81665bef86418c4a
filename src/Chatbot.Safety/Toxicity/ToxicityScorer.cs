using System.Text.RegularExpressions;
using Chatbot.Safety.Guards;

namespace Chatbot.Safety.Toxicity;

/// <summary>
/// A conservative word-list and pattern scorer for toxic language in English and Chinese (<see cref="ToxicityLexicon"/>):
/// threats, insults aimed at someone, profanity and slurs. Each match is a finding; the score combines the strongest
/// finding of each entry as a noisy-or. It is a first line, not a classifier: it misses subtle toxicity by design
/// rather than flag ordinary speech. Stateless and thread-safe.
/// </summary>
public sealed class ToxicityScorer
{
    /// <summary>Scores <paramref name="text"/>: the combined score (0–1) and the findings, by position.</summary>
    public (double Score, IReadOnlyList<GuardFinding> Findings) Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lowered = text.ToLowerInvariant();
        var findings = new List<GuardFinding>();
        var miss = 1.0;
        foreach (var entry in ToxicityLexicon.All)
        {
            var matches = entry.Pattern.Matches(lowered);
            if (matches.Count == 0)
            {
                continue;
            }

            miss *= 1 - entry.Weight;
            foreach (Match match in matches)
            {
                findings.Add(new GuardFinding(entry.Kind, new TextSpan(match.Index, match.Length), entry.Weight, entry.Id));
            }
        }

        findings.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return (Math.Round(1 - miss, 4), findings);
    }
}
