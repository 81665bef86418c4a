using System.Text.Json;
using System.Text.RegularExpressions;
using Chatbot.AI.Grounding;

namespace Chatbot.Agents.Planning;

/// <summary>
/// Reads <c>knowledge_search</c> results and picks from them: the sentence that best answers a query (cited as
/// <c>[n]</c>, through the extractive answerer), or the percentage that goes with a topic. Headings and fragments (under
/// four words) never count as answers. Stateless and thread-safe.
/// </summary>
public static partial class PassageSentences
{
    /// <summary>The passages of a <c>knowledge_search</c> result: number, source and text; empty when it is not one.</summary>
    public static IReadOnlyList<(int N, string Source, string Content)> Passages(string resultJson)
    {
        try
        {
            using var document = JsonDocument.Parse(resultJson);
            if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. results.EnumerateArray().Select(r => (
                r.TryGetProperty("n", out var n) && n.TryGetInt32(out var number) ? number : 0,
                r.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "",
                r.TryGetProperty("content", out var c) ? c.GetString() ?? "" : ""))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The sentence of <paramref name="passages"/> that best answers <paramref name="query"/>, with its <c>[n]</c>, or null.</summary>
    public static string? BestAnswer(string query, IReadOnlyList<(int N, string Source, string Content)> passages)
    {
        var sources = passages
            .SelectMany(p => Sentences(p.Content).Select(s => new GroundingSource(p.N, p.Source, "", s, 1.0 / p.N)))
            .ToList();
        return sources.Count == 0 ? null : ExtractiveAnswerer.Answer(query, sources);
    }

    /// <summary>
    /// The percentage (and the sentence it is in, and its passage number) whose sentence shares most words with
    /// <paramref name="topic"/>; with an empty topic, the first percentage. Null when none goes with the topic.
    /// </summary>
    public static (string Rate, string Sentence, int N)? RateFor(string topic, IReadOnlyList<(int N, string Source, string Content)> passages)
    {
        var topicWords = Words(topic);
        (string, string, int)? best = null;
        var bestScore = 0;
        foreach (var (n, _, content) in passages)
        {
            foreach (var sentence in Sentences(content))
            {
                var rates = Quantities.FindPercentages(sentence);
                if (rates.Count == 0)
                {
                    continue;
                }

                var score = topicWords.Count == 0 ? 1 : Words(sentence).Count(w => topicWords.Any(t => Related(t, w)));
                if (score > bestScore)
                {
                    (best, bestScore) = ((rates[0], sentence, n), score);
                }
            }
        }

        return best;
    }

    /// <summary>The informative sentences of <paramref name="text"/>: at least four words (or eight CJK characters).</summary>
    public static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim())
            .Where(s => WordCount().Count(s) >= 4 || s.Count(c => c is >= '\u4e00' and <= '\u9fff') >= 8);

    private static List<string> Words(string text) => [.. WordCount().Matches(text).Select(m => m.Value.ToLowerInvariant())];

    // "refund" ~ "refunds" ~ "refunded": the same word, a shared stem of five letters, or a short word the other
    // extends by at most three letters.
    private static bool Related(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 5 ? string.CompareOrdinal(a, 0, b, 0, 5) == 0
            : shorter.Length >= 3 && longer.Length - shorter.Length <= 3 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|(?<=[。！？])|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordCount();
}
