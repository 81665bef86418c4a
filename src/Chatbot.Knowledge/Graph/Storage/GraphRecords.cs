namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// Maps the graph between this library's types and the serializable records partitions send across grain calls
/// (<see cref="GraphNodeRecord"/>, <see cref="GraphEdgeRecord"/>, <see cref="GraphEntityMatchRecord"/>). Pure functions.
/// </summary>
public static class GraphRecords
{
    /// <summary>The record of <paramref name="node"/>; without its chunk list when <paramref name="withChunks"/> is false.</summary>
    public static GraphNodeRecord ToRecord(this GraphNode node, bool withChunks = true)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new GraphNodeRecord(node.Id, node.Name, (byte)node.Type, node.Names,
            withChunks ? node.Chunks.Select(c => new GraphChunkRecord(c.DocumentId, c.ChunkId)).ToList() : []);
    }

    /// <summary>The node a record describes.</summary>
    public static GraphNode ToNode(this GraphNodeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new GraphNode(record.Id, record.Name, ToEntityType(record.Type), record.Names,
            record.Chunks.Select(c => new ChunkRef(c.DocumentId, c.ChunkId)).ToList());
    }

    /// <summary>The record of <paramref name="edge"/>.</summary>
    public static GraphEdgeRecord ToRecord(this GraphEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return new GraphEdgeRecord(edge.SourceId, (byte)edge.Relation, edge.TargetId,
            edge.Supports.Select(s => new GraphSupportRecord(s.DocumentId, s.ChunkId, s.Confidence, s.EvidenceStart, s.EvidenceEnd)).ToList());
    }

    /// <summary>The edge a record describes, its confidence recombined from its supports.</summary>
    public static GraphEdge ToEdge(this GraphEdgeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var relation = Enum.IsDefined(typeof(RelationType), record.Relation)
            ? (RelationType)record.Relation
            : throw new InvalidDataException($"Unknown relation type {record.Relation} in a graph edge record.");
        var supports = record.Supports.Select(s => new EdgeSupport(s.DocumentId, s.ChunkId, s.Confidence, s.EvidenceStart, s.EvidenceEnd)).ToList();
        return new GraphEdge(new EdgeKey(record.SourceId, relation, record.TargetId), GraphEdge.Combine(supports.Select(s => s.Confidence)), supports);
    }

    /// <summary>The record of <paramref name="match"/>.</summary>
    public static GraphEntityMatchRecord ToRecord(this EntityMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new GraphEntityMatchRecord(match.Node.ToRecord(), match.Score, match.MatchedName);
    }

    /// <summary>The match a record describes.</summary>
    public static EntityMatch ToMatch(this GraphEntityMatchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new EntityMatch(record.Node.ToNode(), record.Score, record.MatchedName);
    }

    /// <summary>The entity type of a record's byte.</summary>
    public static EntityType ToEntityType(byte value) => Enum.IsDefined(typeof(EntityType), value)
        ? (EntityType)value
        : throw new InvalidDataException($"Unknown entity type {value} in a graph record.");

    /// <summary>How results show <paramref name="node"/>.</summary>
    public static GraphEntityRef ToRef(this GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new GraphEntityRef(node.Id, node.Name, GraphSchema.Entity(node.Type).Name);
    }
}
