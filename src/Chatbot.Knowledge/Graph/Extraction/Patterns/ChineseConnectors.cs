using static Chatbot.Knowledge.Graph.RelationType;
using static Chatbot.Knowledge.Graph.Extraction.Patterns.Connector;

namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>
/// Chinese relation wordings, matched against one clause (text between <c>，；：</c> and sentence ends) with the
/// arguments captured as <c>x</c> and <c>y</c>. The first match wins: the <c>是…的…</c> and <c>由…</c> forms come before
/// the bare verbs they contain.
/// </summary>
internal static class ChineseConnectors
{
    public static IReadOnlyList<Connector> All { get; } =
    [
        Clause("^(?<x>.+?)(?:是|为)(?<y>.+?)的(?:一部分|组成部分|部分|子公司|分公司|分支机构|分支|下属机构|下属单位|一个部门|部门)", PartOf, 0.85),
        Clause("^(?<x>.+?)(?:是|为)(?<y>.+?)的(?:成员|会员|员工|职员|雇员|研究员|工程师|科学家|一员|合伙人)", MemberOf, 0.85),
        Clause("^(?<x>.+?)(?:是|为|担任)(?<y>.+?)的(?:负责人|领导人|领导者|领导|主管|总裁|董事长|首席执行官|CEO|主任|院长|校长|主席|总经理|经理|团长|组长)", Leads, 0.85),
        Clause("^(?<x>.+?)(?:是|为)(?<y>.+?)的(?:联合创始人|创始人|创办人|创立者|创建者)", FoundedBy, 0.85, reversed: true),
        Clause("^(?<x>.+?)(?:隶属于|从属于|归属于|属于)(?<y>.+)", BelongsTo, 0.85),
        Clause("^(?<x>.+?)(?:加入了|加入|加盟了|加盟|任职于|就职于|供职于|效力于)(?<y>.+)", MemberOf, 0.8),
        Clause("^(?<x>.+?)的?总部(?:位于|设在|设于|在)(?<y>.+)", LocatedIn, 0.9),
        Clause("^(?<x>.+?)(?:位于|坐落于|坐落在|地处|设在|设于)(?<y>.+)", LocatedIn, 0.9),
        Clause("^(?<x>.+?)由(?<y>.+?)(?:资助|出资|赞助|投资|提供资金|提供资助)", FundedBy, 0.9),
        Clause("^(?<x>.+?)(?:获得|得到|接受|收到)了?(?<y>.+?)的?(?:资助|投资|赞助|资金支持|拨款)", FundedBy, 0.85),
        Clause("^(?<x>.+?)(?:资助|赞助|投资|出资支持)了?(?<y>.+)", FundedBy, 0.85, reversed: true),
        Clause("^(?<x>.+?)由(?<y>.+?)(?:联合创立|联合创办|创立|创办|创建|成立|建立|发起|创始)", FoundedBy, 0.9),
        Clause("^(?<x>.+?)(?:创立|创办|创建|成立|建立)了(?<y>.+)", FoundedBy, 0.8, reversed: true),
        Clause("^(?<x>.+?)由(?<y>.+?)(?:领导|负责|主管|带领|管理|掌管|主持)", Leads, 0.9, reversed: true),
        Clause("^(?<x>.+?)由(?<y>.+?)(?:生产|制造|研发|开发|推出|发布|出品|出版)", Produces, 0.85, reversed: true),
        Clause("^(?<x>.+?)由(?<y>.+?)(?:组成|构成)", Contains, 0.8),
        Clause("^(?<x>.+?)(?:领导|带领|负责|主管|掌管|管理|主持)了?(?<y>.+)", Leads, 0.85),
        Clause("^(?<x>.+?)(?:依赖于|依赖|依靠|取决于)(?<y>.+)", DependsOn, 0.8),
        Clause("^(?<x>.+?)(?:生产|制造|研发|开发|推出|发布|出品)了?(?<y>.+)", Produces, 0.8),
        Clause("^(?<x>.+?)(?:包含|包括|含有|涵盖)了?(?<y>.+)", Contains, 0.75),
        Clause("^(?<x>.+?)(?:实现了|实现|实施了|实施|遵循)(?<y>.+)", Implements, 0.75),
        Clause("^(?<x>.+?)(?:与|和|同|跟)(?<y>.+?)(?:合作|协作|联手|携手)", CollaboratesWith, 0.85),
        Clause("^(?<x>.+?)(?:导致了|导致|造成了|造成|引起了|引起|引发了|引发)(?<y>.+)", Causes, 0.8),
        Clause("^(?<x>.+?)是(?:一种|一个|一家|一所|一款|一项|一位|一名|一类)(?<y>.+)", IsA, 0.75),
    ];
}
