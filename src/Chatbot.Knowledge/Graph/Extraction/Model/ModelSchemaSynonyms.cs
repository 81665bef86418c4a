using System.Collections.Frozen;
using static Chatbot.Knowledge.Graph.EntityType;
using static Chatbot.Knowledge.Graph.RelationType;

namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>
/// Type names models use instead of the schema's, mapped onto it; a relation named from the other side
/// (<c>funds</c>, <c>owns</c>) maps to its schema relation with the arguments swapped. Names neither in the schema nor
/// here are dropped.
/// </summary>
internal static class ModelSchemaSynonyms
{
    private static readonly FrozenDictionary<string, EntityType> Entities = new Dictionary<string, EntityType>
    {
        ["organisation"] = Organization, ["company"] = Organization, ["org"] = Organization, ["institution"] = Organization,
        ["team"] = Organization, ["group"] = Organization, ["agency"] = Organization, ["people"] = Person, ["human"] = Person,
        ["place"] = Location, ["country"] = Location, ["city"] = Location, ["gpe"] = Location, ["loc"] = Location,
        ["date"] = Time, ["year"] = Time, ["period"] = Time, ["datetime"] = Time, ["technology"] = Concept, ["idea"] = Concept,
        ["term"] = Concept, ["topic"] = Concept, ["project"] = Process, ["method"] = Process, ["procedure"] = Process,
        ["workflow"] = Process, ["program"] = Process, ["quantity"] = Metric, ["number"] = Metric, ["measure"] = Metric,
        ["money"] = Metric, ["percent"] = Metric, ["amount"] = Metric, ["report"] = Document, ["paper"] = Document,
        ["law"] = Document, ["policy"] = Document, ["standard"] = Document, ["service"] = Product, ["software"] = Product,
        ["tool"] = Product, ["system"] = Product, ["meeting"] = Event, ["incident"] = Event,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, (RelationType Type, bool Reversed)> Relations = new Dictionary<string, (RelationType, bool)>
    {
        ["works_for"] = (MemberOf, false), ["works_at"] = (MemberOf, false), ["employed_by"] = (MemberOf, false),
        ["employs"] = (MemberOf, true), ["has_member"] = (MemberOf, true), ["subsidiary_of"] = (PartOf, false),
        ["has_part"] = (PartOf, true), ["located_at"] = (LocatedIn, false), ["based_in"] = (LocatedIn, false),
        ["headquartered_in"] = (LocatedIn, false), ["created_by"] = (FoundedBy, false), ["established_by"] = (FoundedBy, false),
        ["founded"] = (FoundedBy, true), ["owned_by"] = (BelongsTo, false), ["owns"] = (BelongsTo, true),
        ["sponsored_by"] = (FundedBy, false), ["financed_by"] = (FundedBy, false), ["funds"] = (FundedBy, true),
        ["sponsors"] = (FundedBy, true), ["instance_of"] = (IsA, false), ["type_of"] = (IsA, false), ["subclass_of"] = (IsA, false),
        ["manages"] = (Leads, false), ["heads"] = (Leads, false), ["directs"] = (Leads, false), ["led_by"] = (Leads, true),
        ["managed_by"] = (Leads, true), ["requires"] = (DependsOn, false), ["uses"] = (DependsOn, false),
        ["partners_with"] = (CollaboratesWith, false), ["works_with"] = (CollaboratesWith, false), ["results_in"] = (Causes, false),
        ["leads_to"] = (Causes, false), ["caused_by"] = (Causes, true), ["includes"] = (Contains, false),
        ["makes"] = (Produces, false), ["develops"] = (Produces, false), ["publishes"] = (Produces, false),
        ["produced_by"] = (Produces, true), ["developed_by"] = (Produces, true), ["associated_with"] = (RelatedTo, false),
        ["related"] = (RelatedTo, false),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryEntity(string? name, out EntityType type) =>
        GraphSchema.TryParseEntityType(name, out type) || (name is not null && Entities.TryGetValue(name.Trim(), out type));

    public static bool TryRelation(string? name, out RelationType type, out bool reversed)
    {
        reversed = false;
        if (GraphSchema.TryParseRelationType(name, out type))
        {
            return true;
        }

        var key = name?.Trim().Replace(' ', '_').Replace('-', '_').ToLowerInvariant() ?? "";
        if (Relations.TryGetValue(key, out var mapped))
        {
            (type, reversed) = mapped;
            return true;
        }

        return false;
    }
}
