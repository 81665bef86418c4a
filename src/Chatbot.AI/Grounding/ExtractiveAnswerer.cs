namespace Chatbot.AI.Grounding;

/// <summary>
/// Answers a question with the source sentence that best covers it, cited as <c>[n]</c>; never writes anything that is
/// not in a source. Coverage is the IDF-weighted share of the question's terms the sentence contains; below
/// <see cref="MinimumCoverage"/> the question counts as unanswered. A multi-hop question ("who funds the group of the
/// person leading X?") is covered by no single sentence: when a knowledge-graph path's sentences together cover it
/// better than any one sentence, the answer is the path's answer entity followed by those sentences, each cited.
/// </summary>
public static class ExtractiveAnswerer
{
    /// <summary>Least coverage of the question's terms for a sentence to be an answer.</summary>
    public const double MinimumCoverage = 0.5;

    private const double AbsentTermWeight = 0.5;

    /// <summary>
    /// The best-supported sentence with its citation (or a graph path's answer with its cited sentences), or null when
    /// nothing covers the question well enough.
    /// </summary>
    public static string? Answer(string question, IReadOnlyList<GroundingSource> sources, IReadOnlyList<GroundingPath>? paths = null)
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
        double Coverage(IReadOnlySet<string> terms) => asked.Where(terms.Contains).Sum(t => idf[t]) / total;

        var best = sentences
            .Select((s, order) => (s.Source, s.Text, Coverage: Coverage(s.Terms), order))
            .OrderByDescending(s => s.Coverage)
            .ThenByDescending(s => s.Source.Score)
            .ThenBy(s => s.order)
            .First();

        // A path answers when its sentences together cover the question, and cover it better than any one sentence.
        var path = (paths ?? [])
            .Where(p => p.Steps.Count > 0)
            .Select((p, order) => (Path: p, Coverage: Coverage(p.Steps.SelectMany(s => QuestionTerms.Of(s.Evidence)).ToHashSet(StringComparer.Ordinal)), order))
            .OrderByDescending(p => p.Coverage).ThenBy(p => p.order)
            .FirstOrDefault();
        if (path.Path is not null && path.Coverage >= MinimumCoverage && path.Coverage > best.Coverage)
        {
            return PathAnswer(question, path.Path);
        }

        return best.Coverage < MinimumCoverage ? null : $"{best.Text} [{best.Source.Index}]";
    }

    // "Helios Foundation: Alice Smith leads Project Falcon. [1] Alice Smith is a member of the Orion Group. [2] …"
    private static string PathAnswer(string question, GroundingPath path)
    {
        var chinese = question.Any(Chat.TokenEstimator.IsCjk);
        var steps = path.Steps.DistinctBy(s => (s.Evidence, s.SourceIndex))
            .Select(s => chinese ? $"{s.Evidence}[{s.SourceIndex}]" : $"{s.Evidence} [{s.SourceIndex}]");
        return path.Answer + (chinese ? "：" : ": ") + string.Join(chinese ? "" : " ", steps);
    }
}
