using System.Globalization;
using System.Text;

namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// Builds a trigram language model in ARPA text format from sentences: counts of 1-, 2- and 3-grams with sentence
/// marks, absolute discounting (a fixed count taken off every seen n-gram) and Katz-style back-off weights that
/// hand the discounted mass to the next lower order, so each context's probabilities sum to one. Unigrams are maximum
/// likelihood over the closed vocabulary: the model only knows words of its sentences. Stateless and thread-safe.
/// </summary>
internal static class ArpaLanguageModel
{
    /// <summary>Default count taken off each seen bigram and trigram.</summary>
    public const double DefaultDiscount = 0.5;

    private const string Start = "<s>";
    private const string End = "</s>";

    /// <summary>The ARPA text of the model of <paramref name="sentences"/> (each a list of words; at least one word overall).</summary>
    public static string Build(IEnumerable<IReadOnlyList<string>> sentences, double discount = DefaultDiscount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(discount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(discount, 1);
        // 1. Count n-grams of "<s> w1 .. wn </s>".
        var unigrams = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bigrams = new SortedDictionary<(string, string), int>();
        var trigrams = new SortedDictionary<(string, string, string), int>();
        foreach (var sentence in sentences.Where(s => s.Count > 0))
        {
            string[] tokens = [Start, .. sentence, End];
            for (var i = 0; i < tokens.Length; i++)
            {
                Increment(unigrams, tokens[i]);
                if (i >= 1)
                {
                    Increment(bigrams, (tokens[i - 1], tokens[i]));
                }

                if (i >= 2)
                {
                    Increment(trigrams, (tokens[i - 2], tokens[i - 1], tokens[i]));
                }
            }
        }

        if (unigrams.Count <= 2)
        {
            throw new ArgumentException("A language model needs at least one word.", nameof(sentences));
        }

        // 2. Unigrams: maximum likelihood over the words that can be predicted (all but <s>).
        var total = unigrams.Where(u => u.Key != Start).Sum(u => u.Value);
        var p1 = unigrams.ToDictionary(u => u.Key, u => u.Key == Start ? 0 : (double)u.Value / total, StringComparer.Ordinal);

        // 3. Bigrams and trigrams: discounted, with the back-off weight of each context.
        var p2 = Discounted(bigrams, b => b.Item1, b => p1[b.Item2], discount, out var backoff1);
        var p3 = Discounted(trigrams, t => (t.Item1, t.Item2), t => p2[(t.Item2, t.Item3)], discount, out var backoff2);

        // 4. Write the ARPA sections.
        var arpa = new StringBuilder();
        arpa.Append("\\data\\\n")
            .Append(CultureInfo.InvariantCulture, $"ngram 1={unigrams.Count}\nngram 2={bigrams.Count}\nngram 3={trigrams.Count}\n\n\\1-grams:\n");
        foreach (var word in unigrams.Keys)
        {
            var logP = word == Start ? -99 : Math.Log10(p1[word]);
            Line(arpa, logP, word, backoff1.TryGetValue(word, out var bo) ? bo : null);
        }

        arpa.Append("\n\\2-grams:\n");
        foreach (var bigram in bigrams.Keys)
        {
            Line(arpa, Math.Log10(p2[bigram]), $"{bigram.Item1} {bigram.Item2}", backoff2.TryGetValue(bigram, out var bo) ? bo : null);
        }

        arpa.Append("\n\\3-grams:\n");
        foreach (var trigram in trigrams.Keys)
        {
            Line(arpa, Math.Log10(p3[trigram]), $"{trigram.Item1} {trigram.Item2} {trigram.Item3}", null);
        }

        return arpa.Append("\n\\end\\\n").ToString();
    }

    // P(w|h) = (c(h,w) - D) / c(h) for each seen n-gram; the back-off weight of h scales the lower order over the words
    // not seen after h so that they share the discounted mass D * n(h) / c(h).
    private static Dictionary<TGram, double> Discounted<TGram, TContext>(
        SortedDictionary<TGram, int> counts, Func<TGram, TContext> context, Func<TGram, double> lower, double discount,
        out Dictionary<TContext, double> backoff)
        where TGram : notnull
        where TContext : notnull
    {
        var contexts = counts.GroupBy(g => context(g.Key)).ToList();
        var probabilities = new Dictionary<TGram, double>();
        backoff = [];
        foreach (var group in contexts)
        {
            var contextCount = group.Sum(g => g.Value);
            var lowerSeen = 0.0;
            foreach (var (gram, count) in group)
            {
                probabilities[gram] = (count - discount) / contextCount;
                lowerSeen += lower(gram);
            }

            var freed = discount * group.Count() / contextCount;
            backoff[group.Key] = Math.Log10(freed / Math.Max(1 - lowerSeen, 1e-9));
        }

        return probabilities;
    }

    private static void Line(StringBuilder arpa, double logP, string words, double? backoff)
    {
        arpa.Append(logP.ToString("F6", CultureInfo.InvariantCulture)).Append(' ').Append(words);
        if (backoff is { } bo)
        {
            arpa.Append(' ').Append(bo.ToString("F6", CultureInfo.InvariantCulture));
        }

        arpa.Append('\n');
    }

    private static void Increment<TKey>(SortedDictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;
}
