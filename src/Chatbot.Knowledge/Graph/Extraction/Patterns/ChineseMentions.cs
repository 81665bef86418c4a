using System.Text.RegularExpressions;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Candidate mentions in Chinese text: names ending in a known suffix (<c>…集团</c>, <c>…基金会</c>, <c>…先生</c>),
/// book titles in 《》, quoted terms, dates (<c>2024年3月</c>) and numbers with units (<c>300万元</c>, <c>15%</c>).
/// </summary>
internal static partial class ChineseMentions
{
    private const int MaxNameLength = 12;
    private const int MaxPersonNameLength = 3;

    public static void Find(string text, int start, int end, List<Mention> mentions)
    {
        FindSuffixed(text, start, end, mentions);
        Add(text, start, end, DatePattern(), EntityType.Time, MentionSource.Measure, mentions);
        Add(text, start, end, MetricPattern(), EntityType.Metric, MentionSource.Measure, mentions);
        Add(text, start, end, BookTitlePattern(), EntityType.Document, MentionSource.Quoted, mentions);
        Add(text, start, end, QuotedPattern(), null, MentionSource.Quoted, mentions);
    }

    private static void FindSuffixed(string text, int start, int end, List<Mention> mentions)
    {
        for (var i = start; i < end; i++)
        {
            foreach (var (suffix, type) in EntityHints.ChineseSuffixes)
            {
                if (i + suffix.Length > end || string.CompareOrdinal(text, i, suffix, 0, suffix.Length) != 0)
                {
                    continue;
                }

                var maxLength = type == EntityType.Person ? MaxPersonNameLength : MaxNameLength;
                var nameStart = ChineseNameScanner.ScanLeft(text, i, start, maxLength);
                if (nameStart < i)
                {
                    mentions.Add(Mention.At(text, nameStart, i + suffix.Length, type, MentionSource.ChineseSuffix));
                }

                break;
            }
        }
    }

    private static void Add(string text, int start, int end, Regex pattern, EntityType? type, MentionSource source, List<Mention> mentions)
    {
        foreach (Match match in pattern.Matches(text[start..end]))
        {
            var group = match.Groups["name"].Success ? match.Groups["name"] : match.Groups[0];
            mentions.Add(Mention.At(text, start + group.Index, start + group.Index + group.Length, type, source));
        }
    }

    [GeneratedRegex(@"\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]|\d{4}年(?:上|下)半年|\d{4}年第[一二三四]季度")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s?(?:(?:万亿|亿|万|千)(?:元|美元|人民币|欧元|人|名|个|台|辆|吨|次|用户)?|%|％|元|美元|人民币|欧元|名员工|名|人|台|辆|吨|公斤|千克|公里|千米|平方米|米|小时|分钟|秒|倍|家)")]
    private static partial Regex MetricPattern();

    [GeneratedRegex(@"《(?<name>[^》\n]{1,40})》")]
    private static partial Regex BookTitlePattern();

    [GeneratedRegex(@"[“「『](?<name>[^”」』\n]{1,30})[”」』]")]
    private static partial Regex QuotedPattern();
}
