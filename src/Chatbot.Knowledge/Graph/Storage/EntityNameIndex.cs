using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// Finds entities a query names. Names are analysed like queries (English words, Chinese character bigrams, which
/// need no dictionary and match any Chinese name the query contains) and also kept as normalised keys for a
/// whole-name test. Acronyms (<c>WHO</c>, <c>IT</c>) and single capitalised words (<c>Apple</c>) match only as written, so
/// the word "who" does not name the World Health Organization, nor "the government" an entity "Government". Not thread-safe for writes; owned by one <see cref="KnowledgeGraphShard"/>.
/// </summary>
internal sealed class EntityNameIndex
{
    private static readonly MixedScriptAnalyzer Analyzer =
        new(new TextAnalysisOptions { Chinese = ChineseSegmentation.Bigram, EnglishStopWords = true });

    /// <summary>The best score a partial match (the name's words, not the name) can reach; a whole name scores 1.</summary>
    private const double PartialMatchCeiling = 0.9;

    private readonly Dictionary<string, (string Name, string Key, string[] Terms)[]> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _postings = new(StringComparer.Ordinal);

    /// <summary>Replaces the names of <paramref name="entityId"/> (none: forgets it).</summary>
    public void Update(string entityId, IEnumerable<string> names)
    {
        if (_entities.Remove(entityId, out var old))
        {
            foreach (var term in old.SelectMany(n => n.Terms))
            {
                if (_postings.TryGetValue(term, out var ids) && ids.Remove(entityId) && ids.Count == 0)
                {
                    _postings.Remove(term);
                }
            }
        }

        var entries = names.Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n, Key: EntityKeys.Normalize(n), Terms: Analyzer.Analyze(n).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
        if (entries.Length == 0)
        {
            return;
        }

        _entities[entityId] = entries;
        foreach (var term in entries.SelectMany(e => e.Terms))
        {
            if (!_postings.TryGetValue(term, out var ids))
            {
                _postings[term] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(entityId);
        }
    }

    public IEnumerable<(string EntityId, double Score, string Name)> Match(string query)
    {
        var terms = Analyzer.Analyze(query).ToHashSet(StringComparer.Ordinal);
        var key = " " + EntityKeys.Normalize(query) + " ";
        var raw = " " + query.Normalize(System.Text.NormalizationForm.FormKC) + " ";
        var candidates = terms.Where(_postings.ContainsKey).SelectMany(t => _postings[t]).ToHashSet(StringComparer.Ordinal);
        foreach (var id in candidates)
        {
            var best = _entities[id]
                .Select(e => (Score: AsWritten(e.Name) ? (ContainsWhole(raw, e.Name) ? 1.0 : 0) : ContainsWhole(key, e.Key) ? 1.0 : Overlap(e.Terms, terms), e.Name))
                .MaxBy(e => e.Score);
            if (best.Score > 0)
            {
                yield return (id, best.Score, best.Name);
            }
        }
    }

    private double Overlap(string[] nameTerms, HashSet<string> queryTerms)
    {
        var (matched, total) = (0.0, 0.0);
        foreach (var term in nameTerms)
        {
            var idf = Math.Log(1 + ((double)_entities.Count / _postings[term].Count));
            total += idf;
            matched += queryTerms.Contains(term) ? idf : 0;
        }

        // A name whose every word the query has, but not together, is a weaker match than the name itself.
        return total > 0 ? PartialMatchCeiling * matched / total : 0;
    }

    // Acronyms and single capitalised words match only as written: "who" does not name WHO, and "the government" does
    // not name an entity "Government" read from the start of a sentence; "Apple" names Apple.
    private static bool AsWritten(string name) => IsAcronym(name) || IsCapitalizedWord(name);

    private static bool IsCapitalizedWord(string name) =>
        name.Length >= 2 && char.IsUpper(name[0]) && name.All(char.IsLetter) && name.Skip(1).Any(char.IsLower);

    private static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 6 && name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) && name.Any(char.IsAsciiLetterUpper);

    /// <summary>Whether the name's key occurs in the query's key, on word boundaries for Latin-script edges.</summary>
    private static bool ContainsWhole(string paddedQuery, string nameKey)
    {
        if (nameKey.Length == 0)
        {
            return false;
        }

        for (var at = paddedQuery.IndexOf(nameKey, StringComparison.Ordinal); at >= 0; at = paddedQuery.IndexOf(nameKey, at + 1, StringComparison.Ordinal))
        {
            var end = at + nameKey.Length;
            var startOk = !char.IsAsciiLetterOrDigit(nameKey[0]) || !char.IsAsciiLetterOrDigit(paddedQuery[at - 1]);
            var endOk = !char.IsAsciiLetterOrDigit(nameKey[^1]) || !char.IsAsciiLetterOrDigit(paddedQuery[end]);
            if (startOk && endOk)
            {
                return true;
            }
        }

        return false;
    }
}
