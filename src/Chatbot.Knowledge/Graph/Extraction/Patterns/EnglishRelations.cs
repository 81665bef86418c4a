using System.Text.RegularExpressions;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Reads English relations between neighbouring mentions of a sentence with <see cref="EnglishConnectors"/>, and
/// <list type="bullet">
/// <item>after an appositive (<c>Alice, the head of Orion, funds Falcon</c>) gives the verb to the appositive's head;</item>
/// <item>spreads a relation over coordinated mentions (<c>Alice and Bob lead Falcon</c>);</item>
/// <item>reads <c>X is a &lt;lower-case noun phrase&gt;</c> as <c>is_a</c> with the phrase as a concept.</item>
/// </list>
/// </summary>
internal static partial class EnglishRelations
{
    private const int MaxBetweenLength = 80;

    public static IEnumerable<(Mention Left, Mention Right, Connector Connector)> Match(string text, IReadOnlyList<Mention> mentions)
    {
        var matched = new (Mention Subject, Connector Connector)?[Math.Max(0, mentions.Count - 1)];
        Mention? appositiveHead = null;
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var between = Normalize(text, mentions[i].End, mentions[i + 1].Start);
            var subject = mentions[i];
            var connector = between is null ? null : Find(between);
            if (connector is null && between is not null && between.StartsWith(',') && appositiveHead is { } head)
            {
                connector = Find(between.TrimStart(',', ' '));
                subject = head;
            }

            matched[i] = connector is null ? null : (subject, connector);
            appositiveHead = connector is { Appositive: true } ? mentions[i] : null;
        }

        for (var i = 0; i < matched.Length; i++)
        {
            if (matched[i] is not { } hit)
            {
                continue;
            }

            yield return (hit.Subject, mentions[i + 1], hit.Connector);
            // "Alice and Bob lead Falcon": back over coordinated subjects; "Alice leads Falcon and Eagle": on over objects.
            for (var j = i - 1; j >= 0 && IsCoordination(text, mentions[j], mentions[j + 1]) && hit.Subject == mentions[i]; j--)
            {
                yield return (mentions[j], mentions[i + 1], hit.Connector with { Confidence = hit.Connector.Confidence * 0.9 });
            }

            for (var j = i + 2; j < mentions.Count && IsCoordination(text, mentions[j - 1], mentions[j]); j++)
            {
                yield return (hit.Subject, mentions[j], hit.Connector with { Confidence = hit.Connector.Confidence * 0.9 });
            }
        }
    }

    /// <summary>The lower-case noun phrase after <c>is a</c> following <paramref name="subject"/>, as a concept mention.</summary>
    public static Mention? CopulaConcept(string text, Mention subject, int sentenceEnd)
    {
        var match = CopulaNounPhrase().Match(text, subject.End, sentenceEnd - subject.End);
        if (!match.Success || RoleWords().IsMatch(match.Groups["np"].Value))
        {
            return null;
        }

        var np = match.Groups["np"];
        return new Mention(np.Index, np.Index + np.Length, np.Value, EntityType.Concept, MentionSource.Quoted);
    }

    private static Connector? Find(string between) => EnglishConnectors.All.FirstOrDefault(c => c.Pattern.IsMatch(between));

    private static bool IsCoordination(string text, Mention left, Mention right) =>
        Normalize(text, left.End, right.Start) is "and" or "," or ", and" or "or" or ", or";

    private static string? Normalize(string text, int start, int end)
    {
        if (end - start > MaxBetweenLength || end < start)
        {
            return null;
        }

        var between = Whitespace().Replace(Parenthesis().Replace(text[start..end], " ").Replace('’', '\''), " ").Trim().ToLowerInvariant();
        foreach (var article in (string[])[" the", " a", " an"])
        {
            if (between.EndsWith(article, StringComparison.Ordinal))
            {
                return between[..^article.Length];
            }
        }

        return between;
    }

    [GeneratedRegex(@"\s*[(（][^()（）]*[)）]")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\G\s*,?\s*(?:is|was|are|were) (?:a|an) (?<np>(?:[a-z][a-z\-]*\s){0,3}[a-z][a-z\-]*)(?=\s*(?:[.,;:!?]|$)|\s(?:that|which|who|with|for|and|based|founded|in|from|to|used|designed|developed)\b)")]
    private static partial Regex CopulaNounPhrase();

    [GeneratedRegex(@"^(?:member|employee|part|subsidiary|division|unit|branch|founder|co-founder|leader|head|director|partner|dependency|result|cause|implementation|type|kind|form)\b")]
    private static partial Regex RoleWords();
}
