namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Collects one chunk's mentions and relations. Types are voted: a name's own form (suffix, title, date) counts
/// <see cref="HintWeight"/>, each relation argument slot it fills counts one for that slot's likeliest type. A
/// relation stated twice keeps its highest confidence; co-occurrence strengthens with repetition up to
/// <see cref="MaxCooccurrenceConfidence"/>.
/// </summary>
internal sealed class ExtractionAccumulator
{
    private const double HintWeight = 3;
    private const double CooccurrenceConfidence = 0.2;
    private const double MaxCooccurrenceConfidence = 0.5;

    private readonly Dictionary<string, (double[] Votes, List<string> Aliases)> _entities = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<(string, RelationType, string), ExtractedRelation> _relations = [];
    private readonly Dictionary<(string, string), (int Count, int Start, int End)> _cooccurrences = [];

    public void AddEntity(Mention mention)
    {
        var votes = Votes(mention.Name);
        if (mention.Hint is { } hint)
        {
            votes[(int)hint] += HintWeight;
        }
    }

    public void AddAlias(string name, string alias)
    {
        var aliases = Entry(name).Aliases;
        if (alias != name && !aliases.Contains(alias))
        {
            aliases.Add(alias);
        }
    }

    public void AddRelation(Mention source, RelationType relation, Mention target, double confidence, int start, int end)
    {
        if (source.Name == target.Name)
        {
            return;
        }

        var info = GraphSchema.Relation(relation);
        AddEntity(source);
        AddEntity(target);
        Votes(source.Name)[(int)info.SourceTypes[0]] += 1;
        Votes(target.Name)[(int)info.TargetTypes[0]] += 1;
        var key = (source.Name, relation, target.Name);
        if (!_relations.TryGetValue(key, out var existing) || existing.Confidence < confidence)
        {
            _relations[key] = new ExtractedRelation(source.Name, relation, target.Name, confidence, start, end);
        }
    }

    public bool HasRelation(string a, string b) =>
        _relations.Keys.Any(k => (k.Item1 == a && k.Item3 == b) || (k.Item1 == b && k.Item3 == a));

    public void AddCooccurrence(Mention a, Mention b, int start, int end)
    {
        var key = string.CompareOrdinal(a.Name, b.Name) < 0 ? (a.Name, b.Name) : (b.Name, a.Name);
        _cooccurrences[key] = _cooccurrences.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Start, seen.End) : (1, start, end);
    }

    public GraphExtraction Build()
    {
        var entities = _order.Select(name =>
        {
            var (votes, aliases) = _entities[name];
            var best = votes.Max() > 0 ? (EntityType)Array.IndexOf(votes, votes.Max()) : EntityType.Concept;
            return new ExtractedEntity(name, best, aliases.ToArray());
        }).ToList();

        var relations = _relations.Values.ToList();
        foreach (var ((a, b), (count, start, end)) in _cooccurrences)
        {
            if (!HasRelation(a, b))
            {
                // Independent sentences: 1 - (1 - 0.2)^count, capped below what any explicit pattern scores.
                var confidence = Math.Min(MaxCooccurrenceConfidence, 1 - Math.Pow(1 - CooccurrenceConfidence, count));
                relations.Add(new ExtractedRelation(a, RelationType.RelatedTo, b, confidence, start, end));
            }
        }

        return new GraphExtraction(entities, relations);
    }

    private double[] Votes(string name) => Entry(name).Votes;

    private (double[] Votes, List<string> Aliases) Entry(string name)
    {
        if (!_entities.TryGetValue(name, out var entry))
        {
            entry = (new double[GraphSchema.EntityTypes.Count], []);
            _entities[name] = entry;
            _order.Add(name);
        }

        return entry;
    }
}
