using System.Collections.Frozen;
using static Chatbot.Knowledge.Graph.EntityType;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Types a name from its form: an English head or leading word (<c>… Foundation</c>, <c>University of …</c>,
/// <c>Project …</c>), a person's title (<c>Dr.</c>, <c>CEO</c>), or a Chinese suffix (<c>…基金会</c>, <c>…先生</c>).
/// </summary>
internal static class EntityHints
{
    private static readonly FrozenDictionary<string, EntityType> EnglishLast = Table(
        (Organization, "Inc Incorporated Ltd Limited Co Corp Corporation Company LLC PLC GmbH AG Group Foundation Institute " +
            "University College School Academy Association Agency Bank Council Committee Commission Ministry Department " +
            "Organization Organisation Society Lab Labs Laboratory Laboratories Partners Holdings Ventures Capital Fund " +
            "Hospital Team Union Federation Board Bureau Authority Alliance Consortium Club Party Technologies Solutions"),
        (Location, "City County Province Street Road Avenue River Lake Mountain Mountains Island Islands Bay Valley District " +
            "Region Square Airport Harbor Harbour Village Town Peninsula Ocean Sea Desert"),
        (Event, "Conference Summit Symposium Workshop War Election Olympics Festival Expo Exhibition Meeting Hackathon " +
            "Crisis Pandemic Outbreak Earthquake Championship Cup Launch Forum Congress Revolution"),
        (Document, "Report Act Law Policy Agreement Treaty Standard Specification Guide Guidelines Manual Handbook Whitepaper " +
            "Paper Regulation Directive Charter Contract Constitution Memo Bill Accord"),
        (Process, "Project Program Programme Initiative Process Procedure Workflow Pipeline Campaign Mission Method Methodology Plan"),
        (Product, "Platform App Suite Engine Server Studio Cloud OS API SDK Framework Database Toolkit Chip Phone"));

    private static readonly FrozenDictionary<string, EntityType> EnglishFirst = Table(
        (Person, "Dr Mr Mrs Ms Miss Prof Professor Sir Dame Lord Lady President CEO CTO CFO COO Chairman Chairwoman " +
            "Director Senator Governor Mayor Minister Judge Captain"),
        (Organization, "University Bank Ministry Department Institute Church Museum Bureau"),
        (Location, "Mount Lake Port Fort Cape Gulf Isle"),
        (Process, "Project Program Programme Operation Mission Initiative"));

    /// <summary>Chinese suffixes, longest first so <c>有限公司</c> is tried before <c>公司</c>.</summary>
    public static IReadOnlyList<(string Suffix, EntityType Type)> ChineseSuffixes { get; } = ChineseTable(
        (Person, "先生 女士 小姐 博士 教授 总裁 总经理 董事长 经理 主任 院长 校长 老师 医生 律师 工程师 总监 部长 市长 主席"),
        (Organization, "股份有限公司 有限责任公司 有限公司 公司 集团 基金会 大学 学院 研究所 研究院 研究中心 实验室 银行 医院 " +
            "协会 学会 委员会 联合会 联盟 团队 小组 俱乐部 政府 法院 学校 中学 小学 事务所 工作室 出版社 电视台 科学院 工程院 部 局 署 厅 中心"),
        (Location, "自治区 特别行政区 省 市 县 区 镇 乡 村 州 岛 山 河 江 湖 大道 路 街 广场 机场 港 湾"),
        (Event, "会议 大会 峰会 论坛 研讨会 博览会 展览会 运动会 奥运会 战争 选举 事件 事故 危机 发布会 比赛 锦标赛"),
        (Process, "项目 计划 工程 流程 方法 方案 行动 改革 战略"),
        (Document, "报告 法案 条例 规定 标准 指南 手册 白皮书 协议 合同 政策 规范 章程 论文 办法 宪法 法"),
        (Product, "系统 平台 软件 芯片 手机 汽车 服务器 应用 产品 模型 引擎"),
        (Concept, "算法 技术 理论 概念 学科"));

    /// <summary>The type a name's form suggests, or <see langword="null"/> when its form says nothing.</summary>
    public static EntityType? Of(string name)
    {
        var trimmed = name.Trim();
        foreach (var (suffix, type) in ChineseSuffixes)
        {
            if (trimmed.Length > suffix.Length && trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return type;
            }
        }

        var words = trimmed.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        if (words.Length > 1 && EnglishFirst.TryGetValue(words[0].TrimEnd('.', ','), out var first))
        {
            return first;
        }

        return EnglishLast.TryGetValue(words[^1].TrimEnd('.', ','), out var last) && words.Length > 1 ? last : null;
    }

    /// <summary>Whether <paramref name="word"/> is a title or role that may stand before a person's name.</summary>
    public static bool IsPersonTitle(string word) =>
        EnglishFirst.TryGetValue(word.TrimEnd('.'), out var type) && type == Person;

    private static FrozenDictionary<string, EntityType> Table(params (EntityType Type, string Words)[] rows) =>
        rows.SelectMany(r => r.Words.Split(' ').Select(w => KeyValuePair.Create(w, r.Type)))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static (string, EntityType)[] ChineseTable(params (EntityType Type, string Words)[] rows) =>
        rows.SelectMany(r => r.Words.Split(' ').Select(w => (w, r.Type)))
            .OrderByDescending(p => p.w.Length)
            .ToArray();
}
