using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Embeddings;

/// <summary>
/// Extracts the weighted features the hashing embedding is made of: analyzed terms, character trigrams of words
/// (<c>&lt;pa</c>, <c>pas</c> ... <c>rd&gt;</c>) and single CJK characters. Counts are damped (1 + ln n) so one
/// repeated word does not dominate a long chunk. Thread-safe.
/// </summary>
internal sealed class HashingFeatures(ITextAnalyzer analyzer, HashingEmbeddingOptions options)
{
    private const char TermKind = 'w';
    private const char TrigramKind = 'c';
    private const char CjkKind = 'u';

    public void Embed(string text, Span<float> vector)
    {
        var counts = new Dictionary<(char Kind, string Feature), int>();
        foreach (var term in analyzer.Analyze(text))
        {
            Count(counts, TermKind, term);
            if (term.Length > 1 && !ScriptRuns.IsCjk(term[0]))
            {
                var marked = $"<{term}>";
                for (var i = 0; i + 3 <= marked.Length; i++)
                {
                    Count(counts, TrigramKind, marked.Substring(i, 3));
                }
            }
        }

        foreach (var c in text)
        {
            if (ScriptRuns.IsCjk(c))
            {
                Count(counts, CjkKind, c.ToString());
            }
        }

        foreach (var ((kind, feature), count) in counts)
        {
            var weight = kind switch
            {
                TermKind => options.TermWeight,
                TrigramKind => options.CharTrigramWeight,
                _ => options.CjkCharacterWeight,
            };
            FeatureHasher.Accumulate(vector, kind, feature, weight * (1 + MathF.Log(count)));
        }
    }

    private static void Count(Dictionary<(char, string), int> counts, char kind, string feature) =>
        counts[(kind, feature)] = counts.GetValueOrDefault((kind, feature)) + 1;
}
