namespace Chatbot.AI.Grounding;

/// <summary>
/// Answers a question with the source sentence that best covers it, cited as <c>[n]</c>; never writes anything that is
/// not in a source. Coverage is the IDF-weighted share of the question's terms the sentence contains; below
/// <see cref="MinimumCoverage"/> the question counts as unanswered.
/// </summary>
public static class ExtractiveAnswerer
{
    /// <summary>Least coverage of the question's terms for a sentence to be an answer.</summary>
    public const double MinimumCoverage = 0.5;

    private const double AbsentTermWeight = 0.5;

    /// <summary>The best-supported sentence with its citation, or null when no sentence covers the question well enough.</summary>
    public static string? Answer(string question, IReadOnlyList<GroundingSource> sources)
    {
        var asked = QuestionTerms.Of(question);
        if (asked.Count == 0 || sources.Count == 0)
        {
            return null;
        }

        var sentences = sources
            .SelectMany(s => SentenceSplitter.Split(s.Text).Select(text => (Source: s, Text: text, Terms: QuestionTerms.Of(text))))
            .Where(s => s.Terms.Count > 0)
            .ToList();
        if (sentences.Count == 0)
        {
            return null;
        }

        // Rare terms decide: a sentence sharing the one distinctive word beats one sharing only common ones. A term no
        // source sentence has ("how long", "window" in "how long is the refund window") weighs little: it cannot tell
        // sentences apart, and counting it fully would hide an answer the sources do hold.
        var idf = asked.ToDictionary(t => t, t => sentences.Count(s => s.Terms.Contains(t)) is var df and > 0
            ? Math.Log(1 + sentences.Count / (0.5 + df))
            : AbsentTermWeight, StringComparer.Ordinal);
        var total = idf.Values.Sum();
        var best = sentences
            .Select((s, order) => (s.Source, s.Text, Coverage: asked.Where(s.Terms.Contains).Sum(t => idf[t]) / total, order))
            .OrderByDescending(s => s.Coverage)
            .ThenByDescending(s => s.Source.Score)
            .ThenBy(s => s.order)
            .First();
        return best.Coverage < MinimumCoverage ? null : $"{best.Text} [{best.Source.Index}]";
    }
}
