using System.Collections.Frozen;

namespace Chatbot.Knowledge.Graph;

/// <summary>
/// The knowledge graph's fixed schema: ten <see cref="EntityType"/>s and fifteen <see cref="RelationType"/>s, each
/// with a wire name and a description (the extraction prompt and the README both list them from here). Immutable and
/// thread-safe.
/// </summary>
public static partial class GraphSchema
{
    /// <summary>The description of <paramref name="type"/>.</summary>
    public static EntityTypeInfo Entity(EntityType type) =>
        (int)type < EntityTypes.Count ? EntityTypes[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, null);

    /// <summary>The description of <paramref name="type"/>.</summary>
    public static RelationTypeInfo Relation(RelationType type) =>
        (int)type < RelationTypes.Count ? RelationTypes[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, null);

    /// <summary>
    /// Parses an entity type name. Case, spaces, hyphens and the enum spelling are accepted (<c>Organization</c>,
    /// <c>organization</c>), and so is the Chinese label (<c>组织</c>, <see cref="EntityTypeInfo.ChineseName"/>); anything
    /// else is not a type of this schema.
    /// </summary>
    public static bool TryParseEntityType(string? name, out EntityType type) =>
        Lookup.EntityNames.TryGetValue(WireName(name), out type)
        || Lookup.ChineseEntityNames.TryGetValue(name?.Trim() ?? "", out type);

    /// <summary>
    /// Parses a relation type name: <c>funded_by</c>, <c>FundedBy</c>, <c>funded by</c> and <c>funded-by</c> all parse, and
    /// so does the Chinese label (<c>资助</c>, <see cref="RelationTypeInfo.ChineseName"/>).
    /// </summary>
    public static bool TryParseRelationType(string? name, out RelationType type) =>
        Lookup.RelationNames.TryGetValue(WireName(name), out type)
        || Lookup.ChineseRelationNames.TryGetValue(name?.Trim() ?? "", out type);

    /// <summary>
    /// How results label the relation <paramref name="name"/> for a question: the Chinese label when the question has
    /// Chinese characters (the specification's <c>["包含", "实现"]</c>), the wire name otherwise or when the name is unknown.
    /// </summary>
    /// <param name="name">A relation's wire name (<c>contains</c>).</param>
    /// <param name="question">The question the results answer.</param>
    public static string RelationLabel(string name, string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return TryParseRelationType(name, out var type) && question.Any(Indexing.Analysis.ScriptRuns.IsCjk) ? Relation(type).ChineseName : name;
    }

    private static string WireName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var builder = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name.Trim())
        {
            if (c is ' ' or '-' or '_')
            {
                builder.Append('_');
            }
            else if (char.IsUpper(c) && builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // A nested class so the lookups are built after the tables of the other partial files, whatever their order.
    private static class Lookup
    {
        public static readonly FrozenDictionary<string, EntityType> EntityNames =
            EntityTypes.ToFrozenDictionary(e => e.Name, e => e.Type, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, EntityType> ChineseEntityNames =
            EntityTypes.ToFrozenDictionary(e => e.ChineseName, e => e.Type, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, RelationType> RelationNames =
            RelationTypes.ToFrozenDictionary(r => r.Name, r => r.Type, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, RelationType> ChineseRelationNames =
            RelationTypes.ToFrozenDictionary(r => r.ChineseName, r => r.Type, StringComparer.Ordinal);
    }
}
