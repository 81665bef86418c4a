using System.Text;
using Chatbot.Knowledge.Indexing;

namespace Chatbot.Knowledge.Graph.Storage;

public sealed partial record DocumentGraph
{
    private const string Magic = "chatbot.document-graph";
    private const int FormatVersion = 1;

    /// <summary>
    /// Writes the graph in the form the knowledge store keeps per document and partition: node mentions, then edge
    /// mentions. Types are bytes, offsets varints, strings length-prefixed UTF-8. Leaves <paramref name="stream"/> open.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        IndexBinary.WriteHeader(writer, Magic, FormatVersion);
        writer.Write(DocumentId);
        writer.Write7BitEncodedInt(Nodes.Count);
        foreach (var node in Nodes)
        {
            writer.Write(node.EntityId);
            writer.Write(node.Name);
            writer.Write((byte)node.Type);
            writer.Write(node.ChunkId);
        }

        writer.Write7BitEncodedInt(Edges.Count);
        foreach (var edge in Edges)
        {
            writer.Write(edge.Key.SourceId);
            writer.Write((byte)edge.Key.Relation);
            writer.Write(edge.Key.TargetId);
            writer.Write(edge.Confidence);
            writer.Write(edge.ChunkId);
            writer.Write7BitEncodedInt(edge.EvidenceStart);
            writer.Write7BitEncodedInt(edge.EvidenceEnd);
        }
    }

    /// <summary>The bytes <see cref="WriteTo"/> writes.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    /// <summary>Reads a graph written by <see cref="WriteTo"/>. Leaves <paramref name="stream"/> open.</summary>
    /// <exception cref="InvalidDataException">The stream is not a document graph of this format version.</exception>
    public static DocumentGraph ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        IndexBinary.ReadHeader(reader, Magic, FormatVersion);
        var documentId = reader.ReadString();
        var nodes = new NodeMention[reader.Read7BitEncodedInt()];
        for (var i = 0; i < nodes.Length; i++)
        {
            var (id, name) = (reader.ReadString(), reader.ReadString());
            nodes[i] = new NodeMention(id, name, GraphBinary.ReadEnum<EntityType>(reader, Magic), reader.ReadString());
        }

        var edges = new EdgeMention[reader.Read7BitEncodedInt()];
        for (var i = 0; i < edges.Length; i++)
        {
            var key = new EdgeKey(reader.ReadString(), GraphBinary.ReadEnum<RelationType>(reader, Magic), reader.ReadString());
            var (confidence, chunkId) = (reader.ReadDouble(), reader.ReadString());
            edges[i] = new EdgeMention(key, confidence, chunkId, reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
        }

        return new DocumentGraph(documentId, nodes, edges);
    }

    /// <summary>Reads the bytes <see cref="ToBytes"/> wrote.</summary>
    public static DocumentGraph FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return ReadFrom(stream);
    }
}
