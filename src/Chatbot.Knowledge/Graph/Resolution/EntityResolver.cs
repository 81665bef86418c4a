using Chatbot.Knowledge.Graph.Extraction;

namespace Chatbot.Knowledge.Graph.Resolution;

/// <summary>
/// Maps entity names to canonical keys and ids: surface variants share a key (<see cref="EntityKeys.Normalize"/>), and
/// names declared equal (an acronym defined in text, a Chinese name given with its English one, an extractor's
/// aliases) share the key of their most descriptive member: a Latin-script name over a Chinese one, then the longer,
/// then the ordinally smaller. Because that choice is a fixed order, the same set of aliases yields the same ids
/// whatever order they were learned in.
/// </summary>
/// <remarks>
/// A bare acronym seen before its definition resolves to itself until the definition is learned; learn a document's
/// definitions (<see cref="Learn(string)"/>) before resolving its names. Not thread-safe: one writer; concurrent
/// reads are safe when nothing is being learned.
/// </remarks>
public sealed class EntityResolver
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver with no aliases.</summary>
    public EntityResolver()
    {
    }

    /// <summary>Creates a resolver from a saved <see cref="Aliases"/> table.</summary>
    public EntityResolver(IEnumerable<KeyValuePair<string, string>> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var (alias, canonical) in aliases)
        {
            UnionKeys(alias, canonical);
        }
    }

    /// <summary>Each alias key with the canonical key it resolves to (canonical keys themselves are not listed).</summary>
    public IReadOnlyDictionary<string, string> Aliases =>
        _parent.Keys.Select(k => (Key: k, Root: Find(k))).Where(p => p.Key != p.Root).ToDictionary(p => p.Key, p => p.Root, StringComparer.Ordinal);

    /// <summary>The canonical key of <paramref name="name"/>.</summary>
    public string CanonicalKey(string name) => Find(EntityKeys.Normalize(name));

    /// <summary>The canonical id of <paramref name="name"/> (<see cref="EntityKeys.IdOf"/> of its canonical key).</summary>
    public string Resolve(string name) => EntityKeys.IdOf(CanonicalKey(name));

    /// <summary>Declares <paramref name="alias"/> another name of <paramref name="name"/>; returns whether anything changed.</summary>
    public bool AddAlias(string name, string alias)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(alias);
        var (a, b) = (EntityKeys.Normalize(name), EntityKeys.Normalize(alias));
        return a.Length > 0 && b.Length > 0 && UnionKeys(a, b);
    }

    /// <summary>Learns the alias definitions in <paramref name="text"/> (<see cref="AliasDefinitions"/>); returns how many were new.</summary>
    public int Learn(string text) => AliasDefinitions.Find(text).Count(d => AddAlias(d.Name, d.Alias));

    /// <summary>Learns an extracted entity's aliases; returns how many were new.</summary>
    public int Learn(ExtractedEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.Aliases.Count(a => AddAlias(entity.Name, a));
    }

    private bool UnionKeys(string a, string b)
    {
        var (rootA, rootB) = (Find(a), Find(b));
        if (rootA == rootB)
        {
            return false;
        }

        var (winner, loser) = Prefer(rootA, rootB) ? (rootA, rootB) : (rootB, rootA);
        _parent[loser] = winner;
        _parent.TryAdd(winner, winner);
        return true;
    }

    private string Find(string key)
    {
        var root = key;
        while (_parent.TryGetValue(root, out var parent) && parent != root)
        {
            root = parent;
        }

        return root;
    }

    private static bool Prefer(string a, string b)
    {
        var (latinA, latinB) = (a.Any(char.IsAsciiLetter), b.Any(char.IsAsciiLetter));
        if (latinA != latinB)
        {
            return latinA;
        }

        return a.Length != b.Length ? a.Length > b.Length : string.CompareOrdinal(a, b) < 0;
    }
}
