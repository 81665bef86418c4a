namespace Chatbot.Knowledge;

/// <summary>
/// The knowledge graph as partitions ship it to traversal: entities and edges with the chunks that support them. Entity
/// and relation types travel as the byte values of the graph schema's enums (<c>Chatbot.Knowledge.Graph.EntityType</c>,
/// <c>RelationType</c>), which are never renumbered.
/// </summary>
/// <param name="Id">Canonical entity id (<c>ent_</c> and 16 hex digits).</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Entity type (schema enum value).</param>
/// <param name="Names">Every surface form and alias, display name first.</param>
/// <param name="Chunks">The chunks that mention it.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphNodeRecord")]
public sealed record GraphNodeRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] byte Type,
    [property: Id(3)] IReadOnlyList<string> Names,
    [property: Id(4)] IReadOnlyList<GraphChunkRecord> Chunks);

/// <summary>A chunk supporting a graph element.</summary>
/// <param name="DocumentId">Its document.</param>
/// <param name="ChunkId">The chunk.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphChunkRecord")]
public sealed record GraphChunkRecord([property: Id(0)] string DocumentId, [property: Id(1)] string ChunkId);

/// <summary>A directed relation between two entities, with every statement supporting it.</summary>
/// <param name="SourceId">Source entity id.</param>
/// <param name="Relation">Relation type (schema enum value).</param>
/// <param name="TargetId">Target entity id.</param>
/// <param name="Supports">The statements, one per chunk.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphEdgeRecord")]
public sealed record GraphEdgeRecord(
    [property: Id(0)] string SourceId,
    [property: Id(1)] byte Relation,
    [property: Id(2)] string TargetId,
    [property: Id(3)] IReadOnlyList<GraphSupportRecord> Supports);

/// <summary>One chunk stating an edge.</summary>
/// <param name="DocumentId">Its document.</param>
/// <param name="ChunkId">The chunk.</param>
/// <param name="Confidence">The extractor's confidence in this statement, 0 to 1.</param>
/// <param name="EvidenceStart">Offset (UTF-16 code units) in the chunk text where the statement starts.</param>
/// <param name="EvidenceEnd">Offset one past its end.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphSupportRecord")]
public sealed record GraphSupportRecord(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string ChunkId,
    [property: Id(2)] double Confidence,
    [property: Id(3)] int EvidenceStart,
    [property: Id(4)] int EvidenceEnd);

/// <summary>An entity a query names, and how well (1 when a name appears whole in the query).</summary>
/// <param name="Node">The entity.</param>
/// <param name="Score">Match score, 0 to 1.</param>
/// <param name="MatchedName">The name that matched best.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphEntityMatchRecord")]
public sealed record GraphEntityMatchRecord(
    [property: Id(0)] GraphNodeRecord Node,
    [property: Id(1)] double Score,
    [property: Id(2)] string MatchedName);

/// <summary>Everything one partition's graph shard holds, for dataset-wide work (community detection).</summary>
/// <param name="Nodes">The entities the partition owns (without their chunk lists).</param>
/// <param name="Edges">Every edge touching them.</param>
[GenerateSerializer, Immutable, Alias("chatbot.GraphPartitionExport")]
public sealed record GraphPartitionExport(
    [property: Id(0)] IReadOnlyList<GraphNodeRecord> Nodes,
    [property: Id(1)] IReadOnlyList<GraphEdgeRecord> Edges);
