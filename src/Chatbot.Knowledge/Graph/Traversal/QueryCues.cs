using System.Text.RegularExpressions;
using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Traversal;

/// <summary>
/// The relations a question asks about, from <see cref="RelationTypeInfo.QueryCues"/>: English stems at a word start
/// (<c>funds</c>, <c>leading</c>, <c>group</c>) and Chinese words anywhere (<c>资助</c>, <c>领导</c>, <c>所在</c>). The names
/// of the entities it mentions are blanked first, so <c>Helios Foundation</c> does not ask about <c>founded_by</c>.
/// Stateless and thread-safe.
/// </summary>
public static class QueryCues
{
    /// <summary>The relations <paramref name="query"/> asks about.</summary>
    public static IReadOnlySet<RelationType> Find(string query, IEnumerable<string>? entityNames = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.ToLowerInvariant();
        foreach (var name in entityNames ?? [])
        {
            text = text.Replace(name.ToLowerInvariant(), " ", StringComparison.Ordinal);
        }

        var cues = new HashSet<RelationType>();
        foreach (var relation in GraphSchema.RelationTypes)
        {
            if (relation.QueryCues.Any(cue => Mentions(text, cue)))
            {
                cues.Add(relation.Type);
            }
        }

        return cues;
    }

    private static bool Mentions(string text, string cue) =>
        cue.Any(ScriptRuns.IsCjk)
            ? text.Contains(cue, StringComparison.Ordinal)
            : Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(cue)}", RegexOptions.CultureInvariant);
}
