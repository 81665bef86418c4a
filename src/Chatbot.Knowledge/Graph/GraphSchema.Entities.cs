namespace Chatbot.Knowledge.Graph;

public static partial class GraphSchema
{
    /// <summary>The ten entity types, indexed by their <see cref="EntityType"/> value.</summary>
    public static IReadOnlyList<EntityTypeInfo> EntityTypes { get; } =
    [
        new(EntityType.Person, "person", "A named human being, such as an employee, author, founder or customer.", "人物"),
        new(EntityType.Organization, "organization",
            "A company, institution, university, foundation, agency, government body, team or other named group of people.", "组织"),
        new(EntityType.Product, "product",
            "Something made or offered: a software system, device, service, model, brand or platform.", "产品"),
        new(EntityType.Location, "location", "A place: a country, region, city, address, building or site.", "地点"),
        new(EntityType.Concept, "concept",
            "An idea, technology, field, category, technique or term that is not a concrete product.", "概念"),
        new(EntityType.Process, "process",
            "A procedure, workflow, method, project or programme: something carried out over time.", "流程"),
        new(EntityType.Event, "event",
            "Something that happens at a time: a meeting, conference, launch, incident, election or release.", "事件"),
        new(EntityType.Time, "time", "A point or span of time: a date, year, quarter, month or period.", "时间"),
        new(EntityType.Document, "document",
            "A written work: a report, policy, standard, law, contract, specification, manual or paper.", "文档"),
        new(EntityType.Metric, "metric",
            "A measured quantity with its unit: revenue, a percentage, a headcount, a duration, a size.", "指标"),
    ];
}
