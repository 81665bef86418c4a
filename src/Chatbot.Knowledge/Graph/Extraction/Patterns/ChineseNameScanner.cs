using System.Collections.Frozen;
using Chatbot.Knowledge.Indexing.Analysis;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Finds where a Chinese name starts, given where it ends: Chinese has no spaces, so the name runs left until a
/// function character (是, 的, 由 …), a relation verb (领导, 资助 …), punctuation or a length limit.
/// </summary>
internal static class ChineseNameScanner
{
    private static readonly FrozenSet<char> StopCharacters =
        "是的由在和与及了被把对从向为于将并也就而或其该这那此即又还但等给让跟".ToFrozenSet();

    /// <summary>Relation verbs and discourse words that end a name on their right.</summary>
    private static readonly string[] StopWords =
    [
        "领导", "带领", "负责", "主管", "掌管", "管理", "主持", "资助", "赞助", "投资", "出资", "位于", "坐落", "地处", "设在",
        "创立", "创办", "创建", "成立", "建立", "加入", "加盟", "任职", "就职", "供职", "效力", "隶属", "从属", "归属", "属于",
        "依赖", "依靠", "取决", "需要", "生产", "制造", "研发", "开发", "推出", "发布", "出品", "包含", "包括", "含有", "实现",
        "实施", "执行", "遵循", "合作", "协作", "联合", "导致", "造成", "引起", "引发", "成员", "获得", "得到", "接受", "目前",
        "现在", "当前", "已经", "同时", "此外", "另外", "其中", "据悉", "报道", "表示", "认为", "宣布", "指出",
    ];

    /// <summary>Leading words that are not part of a name (<c>目前张伟</c> → <c>张伟</c>).</summary>
    private static readonly string[] LeadingFillers =
        ["目前", "现在", "当前", "已经", "同时", "此外", "另外", "其中", "据悉", "然后", "随后", "后来", "最近", "如今", "该", "这个", "那个", "此"];

    /// <summary>The start of the name ending at <paramref name="end"/>, scanning no further left than <paramref name="limit"/>.</summary>
    public static int ScanLeft(string text, int end, int limit, int maxLength)
    {
        var i = end;
        var floor = Math.Max(limit, end - maxLength);
        while (i > floor)
        {
            var c = text[i - 1];
            if (!(ScriptRuns.IsCjk(c) || char.IsAsciiLetterOrDigit(c)) || StopCharacters.Contains(c) || EndsWithStopWord(text, i))
            {
                break;
            }

            i--;
        }

        return i;
    }

    /// <summary>Removes leading filler words and trailing particles from a captured argument.</summary>
    public static (int Start, int End) Trim(string text, int start, int end)
    {
        for (var changed = true; changed && start < end;)
        {
            changed = false;
            while (start < end && (char.IsWhiteSpace(text[start]) || char.IsPunctuation(text[start]) || text[start] is '了' or '将' or '已' or '也' or '还' or '则'))
            {
                start++;
                changed = true;
            }

            foreach (var filler in LeadingFillers)
            {
                if (end - start > filler.Length && string.CompareOrdinal(text, start, filler, 0, filler.Length) == 0)
                {
                    start += filler.Length;
                    changed = true;
                }
            }
        }

        // A parenthesised second name ("阿里巴巴（Alibaba）") is an alias, not part of the argument.
        if (end > start && text[end - 1] is ')' or '）' && text.LastIndexOfAny(['(', '（'], end - 1, end - start) is var open and > 0 && open > start)
        {
            end = open;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || char.IsPunctuation(text[end - 1]) || text[end - 1] is '了' or '的' or '等' or '们' or '过'))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>
    /// Whether a relation verb or discourse word starts at <paramref name="start"/>: a verb matched just before another
    /// (<c>管理</c> in <c>项目管理包含…</c>, <c>开发</c> in <c>敏捷开发实现…</c>) ends a noun, not the clause's verb.
    /// </summary>
    public static bool StartsWithStopWord(string text, int start)
    {
        foreach (var word in StopWords)
        {
            if (start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithStopWord(string text, int end)
    {
        foreach (var word in StopWords)
        {
            if (end >= word.Length && string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
