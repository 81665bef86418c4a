using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Chatbot.Knowledge.Graph.Communities;

/// <summary>
/// The prompt of <see cref="ModelCommunitySummaryWriter"/>: the community's central entities, its strongest relations
/// and its supporting sentences, as lines under a character budget (lines past it are left out, the entities first in).
/// </summary>
internal static class CommunitySummaryPrompt
{
    private const int MaxLineChars = 400;

    public static string System(int maxSentences) =>
        $"You summarise one community of a knowledge graph so that broad questions about it can be answered. " +
        $"Write at most {maxSentences} sentences of plain prose, in the language of the supporting sentences, using only the facts given. " +
        "Name the central entities and how they are related. No lists, no headings, no preamble.";

    public static List<ChatMessage> Messages(CommunitySummary summary, IReadOnlyList<CommunityRelation> relations, CommunitySummaryOptions options)
    {
        var lines = new List<string> { "Entities:" };
        lines.AddRange(summary.TopEntities.Select(e => $"- {e.Name} ({GraphSchema.Entity(e.Type).Name})"));
        lines.Add("Relations:");
        lines.AddRange(relations.Take(options.MaxRelations).Select(r =>
            $"- {r.Source} {r.Relation} {r.Target} (confidence {r.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})"));
        lines.Add("Supporting sentences:");
        lines.AddRange(summary.Sentences.Select(s => $"- {s.Text}"));

        var user = new StringBuilder();
        foreach (var line in lines.Select(l => l.Length > MaxLineChars ? l[..MaxLineChars] + "…" : l))
        {
            if (user.Length + line.Length + 1 > options.MaxPromptChars)
            {
                break;
            }

            user.Append(line).Append('\n');
        }

        return [new ChatMessage(ChatRole.System, System(options.MaxSentences)), new ChatMessage(ChatRole.User, user.ToString())];
    }
}
