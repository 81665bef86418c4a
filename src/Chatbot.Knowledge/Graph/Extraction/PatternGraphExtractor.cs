using Chatbot.Knowledge.Graph.Extraction.Patterns;
using Chatbot.Knowledge.Graph.Resolution;

namespace Chatbot.Knowledge.Graph.Extraction;

/// <summary>
/// The offline extractor: wording patterns for English and Chinese, no model. Per sentence:
/// <list type="number">
/// <item>candidate mentions: capitalized names, acronyms, titled people, quoted terms, dates, numbers with units
/// (<see cref="EnglishMentions"/>) and suffix-typed Chinese names, book titles, dates, amounts (<see cref="ChineseMentions"/>);</item>
/// <item>Chinese clause patterns (<c>X由Y资助</c>) contribute their arguments as mentions;</item>
/// <item>overlaps are settled, and names defined together in parentheses (<c>World Health Organization (WHO)</c>) become
/// one entity with an alias;</item>
/// <item>English wordings between neighbouring mentions (<c>X is funded by Y</c>, <c>Y funds X</c>) state relations, with
/// a confidence from the pattern's strength;</item>
/// <item>mentions sharing a sentence without a stated relation get a low-confidence <c>related_to</c>;</item>
/// <item>each entity is typed by vote: its own form, then the argument types of the relations it takes part in.</item>
/// </list>
/// Stateless and thread-safe. CPU-bound; it runs synchronously and checks the token between sentences.
/// </summary>
public sealed class PatternGraphExtractor : IGraphExtractor
{
    private const int CooccurrenceWindow = 3;

    /// <inheritdoc />
    public Task<GraphExtraction> ExtractAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Task.FromResult(Extract(text, cancellationToken));
    }

    /// <summary>Extracts synchronously; the same result as <see cref="ExtractAsync"/>.</summary>
    public GraphExtraction Extract(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var accumulator = new ExtractionAccumulator();
        var definitions = AliasDefinitions.Find(text);
        foreach (var (start, end) in ExtractionSentences.Split(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExtractSentence(text, start, end, definitions, accumulator);
        }

        return accumulator.Build();
    }

    private static void ExtractSentence(string text, int start, int end, IReadOnlyList<AliasDefinition> definitions, ExtractionAccumulator accumulator)
    {
        var candidates = new List<Mention>();
        EnglishMentions.Find(text, start, end, candidates);
        var chinese = ChineseClauses.HasCjk(text, start, end);
        var clauses = new List<(Mention Left, Mention Right, Connector Connector)>();
        if (chinese)
        {
            ChineseMentions.Find(text, start, end, candidates);
            clauses.AddRange(ChineseClauses.Match(text, start, end, candidates));
            candidates.AddRange(clauses.SelectMany(c => new[] { c.Left, c.Right }));
        }

        var mentions = MentionSet.Select(candidates);
        MergeAliases(text, start, end, definitions, mentions, accumulator);
        foreach (var mention in mentions)
        {
            accumulator.AddEntity(mention);
        }

        foreach (var (left, right, connector) in clauses.Concat(EnglishRelations.Match(text, mentions)))
        {
            var (source, target) = connector.Reversed ? (right, left) : (left, right);
            accumulator.AddRelation(source, connector.Relation, target, connector.Confidence,
                Math.Min(left.Start, right.Start), Math.Max(left.End, right.End));
        }

        foreach (var mention in mentions)
        {
            if (EnglishRelations.CopulaConcept(text, mention, end) is { } concept)
            {
                accumulator.AddRelation(mention, RelationType.IsA, concept, 0.7, mention.Start, concept.End);
            }
        }

        AddCooccurrences(start, end, mentions, accumulator);
    }

    /// <summary>Turns a parenthesised second name into an alias of the name before it, not an entity of its own.</summary>
    private static void MergeAliases(
        string text, int start, int end, IReadOnlyList<AliasDefinition> definitions, List<Mention> mentions, ExtractionAccumulator accumulator)
    {
        foreach (var definition in definitions.Where(d => d.NameStart >= start && d.AliasEnd <= end))
        {
            mentions.RemoveAll(m => m.Start < definition.AliasEnd && definition.AliasStart < m.End);
            var named = mentions.FindIndex(m => m.Start < definition.NameEnd && definition.NameStart < m.End);
            var name = named >= 0 ? mentions[named] : Mention.At(text, definition.NameStart, definition.NameEnd, null, MentionSource.Capitalized);
            if (named < 0)
            {
                mentions.Add(name);
                mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
            }

            accumulator.AddAlias(name.Name, definition.Alias);
        }
    }

    private static void AddCooccurrences(int start, int end, List<Mention> mentions, ExtractionAccumulator accumulator)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            for (var j = i + 1; j < mentions.Count && j - i <= CooccurrenceWindow; j++)
            {
                var (a, b) = (mentions[i], mentions[j]);
                var measures = a.Hint is EntityType.Time or EntityType.Metric && b.Hint is EntityType.Time or EntityType.Metric;
                if (!measures && a.Name != b.Name && !accumulator.HasRelation(a.Name, b.Name))
                {
                    accumulator.AddCooccurrence(a, b, start, end);
                }
            }
        }
    }
}
