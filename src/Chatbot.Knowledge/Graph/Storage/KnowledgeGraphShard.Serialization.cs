using System.Text;
using Chatbot.Knowledge.Indexing;

namespace Chatbot.Knowledge.Graph.Storage;

public sealed partial class KnowledgeGraphShard
{
    private const string Magic = "chatbot.graph-shard";
    private const int FormatVersion = 1;

    /// <summary>
    /// Writes a snapshot: every node's mentions and every edge's supports with their documents. Indexes (adjacency,
    /// names, per-document sets) are rebuilt on load. Types are bytes, counts and offsets varints, strings
    /// length-prefixed UTF-8. Leaves <paramref name="stream"/> open.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        IndexBinary.WriteHeader(writer, Magic, FormatVersion);
        writer.Write7BitEncodedInt(_nodes.Count);
        foreach (var (id, mentions) in _nodes)
        {
            writer.Write(id);
            writer.Write7BitEncodedInt(mentions.Count);
            foreach (var (documentId, mention) in mentions)
            {
                writer.Write(documentId);
                writer.Write(mention.ChunkId);
                writer.Write(mention.Name);
                writer.Write((byte)mention.Type);
            }
        }

        writer.Write7BitEncodedInt(_edges.Count);
        foreach (var (key, supports) in _edges)
        {
            writer.Write(key.SourceId);
            writer.Write((byte)key.Relation);
            writer.Write(key.TargetId);
            writer.Write7BitEncodedInt(supports.Count);
            foreach (var support in supports)
            {
                writer.Write(support.DocumentId);
                writer.Write(support.ChunkId);
                writer.Write(support.Confidence);
                writer.Write7BitEncodedInt(support.EvidenceStart);
                writer.Write7BitEncodedInt(support.EvidenceEnd);
            }
        }
    }

    /// <summary>Reads a snapshot written by <see cref="WriteTo"/>. Leaves <paramref name="stream"/> open.</summary>
    /// <exception cref="InvalidDataException">The stream is not a graph shard snapshot of this format version.</exception>
    public static KnowledgeGraphShard ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        IndexBinary.ReadHeader(reader, Magic, FormatVersion);
        var documents = new Dictionary<string, (List<NodeMention> Nodes, List<EdgeMention> Edges)>(StringComparer.Ordinal);
        (List<NodeMention> Nodes, List<EdgeMention> Edges) Document(string id) =>
            documents.TryGetValue(id, out var parts) ? parts : documents[id] = ([], []);

        for (var nodes = reader.Read7BitEncodedInt(); nodes > 0; nodes--)
        {
            var id = reader.ReadString();
            for (var mentions = reader.Read7BitEncodedInt(); mentions > 0; mentions--)
            {
                var documentId = reader.ReadString();
                var (chunkId, name) = (reader.ReadString(), reader.ReadString());
                Document(documentId).Nodes.Add(new NodeMention(id, name, GraphBinary.ReadEnum<EntityType>(reader, "graph shard snapshot"), chunkId));
            }
        }

        for (var edges = reader.Read7BitEncodedInt(); edges > 0; edges--)
        {
            var key = new EdgeKey(reader.ReadString(), GraphBinary.ReadEnum<RelationType>(reader, "graph shard snapshot"), reader.ReadString());
            for (var supports = reader.Read7BitEncodedInt(); supports > 0; supports--)
            {
                var documentId = reader.ReadString();
                var (chunkId, confidence) = (reader.ReadString(), reader.ReadDouble());
                var (start, end) = (reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
                Document(documentId).Edges.Add(new EdgeMention(key, confidence, chunkId, start, end));
            }
        }

        var shard = new KnowledgeGraphShard();
        shard.AddDocuments(documents.Select(d => new DocumentGraph(d.Key, d.Value.Nodes, d.Value.Edges)));
        return shard;
    }
}
