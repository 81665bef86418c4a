using System.Text;
using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Ingestion;

namespace Chatbot.Benchmarks.Graph;

/// <summary>
/// Deterministic synthetic knowledge for the graph benchmark: capitalised generated names (people, organisations,
/// projects, places), chunks of text stating relations in the wordings the pattern extractor reads (build throughput),
/// and a graph of a given number of edges whose degrees are skewed as real graphs' are (preferential attachment:
/// a few hubs, many leaves) for traversal. The same seed gives the same data in every run.
/// </summary>
internal sealed class SyntheticGraph
{
    private static readonly string[] s_syllables =
    [
        "ka", "lo", "mi", "ra", "ten", "vor", "shi", "dal", "qua", "ne", "bri", "sto", "fen", "gar", "lu", "pex", "zo",
        "tri", "mon", "vel", "cas", "dro", "hin", "jur", "wex", "yan", "pol", "sar", "tek", "umb",
    ];

    private static readonly string[] s_organizations = ["Group", "Foundation", "Institute", "Systems", "Labs", "Trust"];

    private static readonly RelationType[] s_relations = Enum.GetValues<RelationType>();

    private readonly int _seed;

    public SyntheticGraph(int seed = 20240717) => _seed = seed;

    /// <summary>Chunk <paramref name="index"/>: six sentences, each stating one relation between generated entities.</summary>
    public string Chunk(int index)
    {
        var random = new Random(_seed + index);
        string Person() => $"{Word(random)} {Word(random)}";
        string Organization() => $"{Word(random)} {s_organizations[random.Next(s_organizations.Length)]}";
        var (person, group, funder) = (Person(), Organization(), Organization());
        var project = $"Project {Word(random)}";
        return new StringBuilder()
            .Append(person).Append(" leads ").Append(project).Append(". ")
            .Append(person).Append(" is a member of the ").Append(group).Append(". ")
            .Append("The ").Append(group).Append(" is funded by the ").Append(funder).Append(". ")
            .Append("The ").Append(group).Append(" is located in ").Append(Word(random)).Append(". ")
            .Append(project).Append(" depends on the ").Append(Word(random)).Append(" Engine. ")
            .Append("The ").Append(funder).Append(" collaborates with the ").Append(Organization()).Append('.')
            .ToString();
    }

    /// <summary>
    /// Documents of <paramref name="edgesPerDocument"/> edges, <paramref name="edges"/> distinct edges in all, over about
    /// edges / 4 entities: each edge joins an entity drawn by preferential attachment (with probability one half, an
    /// endpoint of an earlier edge, else any entity) to a uniformly drawn one. Returns the documents and every
    /// entity's name.
    /// </summary>
    public (IReadOnlyList<DocumentGraph> Documents, IReadOnlyList<string> Names) Graph(int edges, int edgesPerDocument)
    {
        var random = new Random(_seed);
        var names = new List<string>();
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < Math.Max(2, edges / 4))
        {
            var name = random.Next(3) == 0 ? $"{Word(random)} {Word(random)}" : $"{Word(random)} {s_organizations[random.Next(s_organizations.Length)]}";
            var id = EntityKeys.IdOf(EntityKeys.Normalize(name));
            if (seen.Add(id))
            {
                names.Add(name);
                ids.Add(id);
            }
        }

        var endpoints = new List<int>();
        var keys = new HashSet<EdgeKey>();
        var documents = new List<DocumentGraph>();
        var (nodes, mentions) = (new List<NodeMention>(), new List<EdgeMention>());
        while (keys.Count < edges)
        {
            var a = endpoints.Count > 0 && random.Next(2) == 0 ? endpoints[random.Next(endpoints.Count)] : random.Next(ids.Count);
            var b = random.Next(ids.Count);
            var key = EdgeKey.Of(ids[a], s_relations[random.Next(s_relations.Length)], ids[b]);
            if (a == b || !keys.Add(key))
            {
                continue;
            }

            endpoints.Add(a);
            endpoints.Add(b);
            var chunkId = ChunkPartitioner.ChunkId($"doc-{documents.Count}", mentions.Count / 10);
            nodes.Add(new NodeMention(ids[a], names[a], EntityType.Organization, chunkId));
            nodes.Add(new NodeMention(ids[b], names[b], EntityType.Organization, chunkId));
            mentions.Add(new EdgeMention(key, 0.5 + (random.NextDouble() * 0.45), chunkId, 0, 40));
            if (mentions.Count == edgesPerDocument)
            {
                documents.Add(new DocumentGraph($"doc-{documents.Count}", nodes.DistinctBy(n => (n.EntityId, n.ChunkId)).ToList(), mentions));
                (nodes, mentions) = ([], []);
            }
        }

        if (mentions.Count > 0)
        {
            documents.Add(new DocumentGraph($"doc-{documents.Count}", nodes.DistinctBy(n => (n.EntityId, n.ChunkId)).ToList(), mentions));
        }

        return (documents, names);
    }

    private static string Word(Random random)
    {
        var word = new StringBuilder();
        for (var i = random.Next(2, 4); i > 0; i--)
        {
            word.Append(s_syllables[random.Next(s_syllables.Length)]);
        }

        word[0] = char.ToUpperInvariant(word[0]);
        return word.ToString();
    }
}
