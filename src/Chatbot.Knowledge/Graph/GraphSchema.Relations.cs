using static Chatbot.Knowledge.Graph.EntityType;

namespace Chatbot.Knowledge.Graph;

public static partial class GraphSchema
{
    /// <summary>The fifteen relation types, indexed by their <see cref="RelationType"/> value.</summary>
    public static IReadOnlyList<RelationTypeInfo> RelationTypes { get; } =
    [
        new(RelationType.IsA, "is_a", "是一种", "The source is an instance, kind or subtype of the target (Python is_a programming language).",
            "is a", "has instance", [Concept, Product, Organization, Person], [Concept],
            ["kind of", "type of", "instance", "是一种", "属于哪"]),
        new(RelationType.PartOf, "part_of", "部分", "The source is a component, division, module or subset of the target.",
            "is part of", "has part", [Organization, Product, Process, Concept, Location], [Organization, Product, Process, Location],
            ["part", "component", "division", "subsidiar", "一部分", "组成部分", "子公司", "下属"]),
        new(RelationType.Contains, "contains", "包含", "The source includes, comprises or consists of the target.",
            "contains", "is contained in", [Product, Document, Organization, Concept, Location], [Product, Concept, Document, Metric],
            ["contain", "include", "consist", "compris", "包含", "包括", "组成"]),
        new(RelationType.Implements, "implements", "实现", "The source realises, carries out or complies with the target (a standard, method, policy).",
            "implements", "is implemented by", [Product, Organization, Process], [Concept, Document, Process],
            ["implement", "comply", "complies", "realis", "realiz", "实现", "实施", "遵循"]),
        new(RelationType.Leads, "leads", "领导", "The source heads, directs, manages or is in charge of the target.",
            "leads", "is led by", [Person, Organization], [Organization, Process, Product, Event],
            ["lead", "led", "head", "direct", "manag", "in charge", "boss", "领导", "带领", "负责", "主管", "管理"]),
        new(RelationType.MemberOf, "member_of", "成员", "The source is a member, employee or participant of the target.",
            "is a member of", "has member", [Person, Organization], [Organization],
            ["member", "join", "employ", "staff", "team", "group", "works for", "work for", "成员", "加入", "所在", "任职", "员工", "团队"]),
        new(RelationType.BelongsTo, "belongs_to", "隶属", "The source is owned by, belongs to or is attached to the target.",
            "belongs to", "owns", [Product, Organization, Document, Location, Concept], [Organization, Person],
            ["belong", "own", "隶属", "属于", "拥有", "归属"]),
        new(RelationType.FundedBy, "funded_by", "资助", "The source receives funding, investment or sponsorship from the target.",
            "is funded by", "funds", [Organization, Process, Product, Event, Person], [Organization, Person],
            ["fund", "financ", "sponsor", "invest", "pays for", "paid for", "资助", "赞助", "投资", "出资", "资金"]),
        new(RelationType.LocatedIn, "located_in", "位于", "The source is situated, based or headquartered in the target.",
            "is located in", "is the location of", [Organization, Location, Event, Product, Person], [Location],
            ["where", "locat", "based", "headquarter", "situated", "位于", "坐落", "总部", "在哪", "哪里"]),
        new(RelationType.FoundedBy, "founded_by", "创立", "The source was founded, created or established by the target.",
            "was founded by", "founded", [Organization, Product, Process, Event], [Person, Organization],
            ["found", "establish", "creat", "start", "创立", "创办", "创建", "创始", "成立"]),
        new(RelationType.CollaboratesWith, "collaborates_with", "合作", "The source works together or partners with the target.",
            "collaborates with", "collaborates with", [Organization, Person], [Organization, Person],
            ["collaborat", "partner", "cooperat", "work with", "works with", "合作", "协作", "联合"]),
        new(RelationType.Causes, "causes", "导致", "The source brings about, triggers or results in the target.",
            "causes", "is caused by", [Event, Process, Concept, Product], [Event, Concept, Metric],
            ["cause", "result", "trigger", "why", "导致", "造成", "引起", "引发", "原因"]),
        new(RelationType.DependsOn, "depends_on", "依赖", "The source requires or relies on the target.",
            "depends on", "is a dependency of", [Product, Process, Organization, Concept], [Product, Concept, Process, Organization],
            ["depend", "rely", "relies", "require", "need", "依赖", "依靠", "需要", "取决"]),
        new(RelationType.Produces, "produces", "生产", "The source makes, manufactures, develops, publishes or releases the target.",
            "produces", "is produced by", [Organization, Person, Process], [Product, Document, Metric],
            ["produc", "make", "made", "manufactur", "develop", "build", "built", "publish", "生产", "制造", "研发", "开发", "推出", "发布"]),
        new(RelationType.RelatedTo, "related_to", "相关", "An unspecified association, such as two entities mentioned in the same sentence.",
            "is related to", "is related to", [Concept], [Concept],
            ["related", "relat", "associat", "connect", "相关", "关联", "有关"]),
    ];
}
