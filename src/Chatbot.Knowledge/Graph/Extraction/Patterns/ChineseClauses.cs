using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Applies <see cref="ChineseConnectors"/> to each clause of a sentence. Captured arguments are trimmed of fillers and
/// particles, narrowed to a suffix-typed candidate where one fills the argument's edge (<c>猎鹰项目多年</c> → <c>猎鹰项目</c>),
/// and split at <c>和 与 及 、</c> so <c>张伟和李娜领导…</c> states two relations.
/// </summary>
internal static class ChineseClauses
{
    private const int MaxArgumentLength = 24;
    private static readonly char[] ClauseBreaks = ['，', ',', '；', ';', '：', ':'];
    private static readonly string[] Coordinators = ["以及", "和", "与", "及", "、"];

    public static IEnumerable<(Mention Left, Mention Right, Connector Connector)> Match(string text, int start, int end, IReadOnlyList<Mention> candidates)
    {
        for (var clauseStart = start; clauseStart < end;)
        {
            var clauseEnd = text.IndexOfAny(ClauseBreaks, clauseStart, end - clauseStart);
            clauseEnd = clauseEnd < 0 ? end : clauseEnd;
            if (HasCjk(text, clauseStart, clauseEnd))
            {
                foreach (var match in MatchClause(text, clauseStart, clauseEnd, candidates))
                {
                    yield return match;
                }
            }

            clauseStart = clauseEnd + 1;
        }
    }

    public static bool HasCjk(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (ScriptRuns.IsCjk(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(Mention, Mention, Connector)> MatchClause(string text, int start, int end, IReadOnlyList<Mention> candidates)
    {
        var clause = text[start..end];
        foreach (var connector in ChineseConnectors.All)
        {
            var match = connector.Pattern.Match(clause);
            if (!match.Success || ChineseNameScanner.StartsWithStopWord(clause, match.Groups["y"].Index))
            {
                // A verb followed at once by another belongs to a noun (项目管理包含…): a later wording reads the clause.
                continue;
            }

            var (x, y) = (match.Groups["x"], match.Groups["y"]);
            var lefts = Arguments(text, start + x.Index, start + x.Index + x.Length, candidates, atEnd: true);
            var rights = Arguments(text, start + y.Index, start + y.Index + y.Length, candidates, atEnd: false);
            if (lefts.Count == 0 || rights.Count == 0)
            {
                // Only punctuation or particles after the verb (项目管理包含敏捷开发。 read as "…敏捷 develops 。"): the
                // verb ends a noun, so a later wording reads the clause.
                continue;
            }

            foreach (var left in lefts)
            {
                foreach (var right in rights)
                {
                    yield return (left, right, connector);
                }
            }

            yield break;
        }
    }

    private static List<Mention> Arguments(string text, int start, int end, IReadOnlyList<Mention> candidates, bool atEnd)
    {
        var arguments = new List<Mention>();
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            var coordinator = i < end ? Coordinators.FirstOrDefault(c => string.CompareOrdinal(text, i, c, 0, c.Length) == 0) : null;
            if (i < end && coordinator is null)
            {
                continue;
            }

            var (s, e) = ChineseNameScanner.Trim(text, partStart, i);
            // A candidate at the argument's edge marks where the name really ends (or starts).
            var edge = candidates.Where(c => c.Start >= s && c.End <= e && (atEnd ? c.End == e : c.Start == s))
                .OrderByDescending(c => c.Length).FirstOrDefault();
            if (edge.Length > 0)
            {
                (s, e) = (edge.Start, edge.End);
            }

            if (e > s && e - s <= MaxArgumentLength && text.AsSpan(s, e - s).ContainsAnyExcept(' '))
            {
                arguments.Add(Mention.At(text, s, e, edge.Length > 0 ? edge.Hint : null, MentionSource.RelationArgument));
            }

            if (coordinator is not null)
            {
                i += coordinator.Length - 1;
                partStart = i + 1;
            }
        }

        return arguments;
    }
}
