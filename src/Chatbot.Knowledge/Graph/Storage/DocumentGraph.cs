using Chatbot.Knowledge.Graph.Resolution;

namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// One document's contribution to the graph, with names resolved to entity ids: what
/// <see cref="KnowledgeGraphShard.AddDocument"/> adds and <see cref="KnowledgeGraphShard.RemoveDocument"/> takes back.
/// </summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Nodes">Every chunk's entity mentions, aliases included (each alias is a name of the entity).</param>
/// <param name="Edges">Every chunk's relations; self-relations (an alias related to its own entity) are dropped.</param>
public sealed partial record DocumentGraph(string DocumentId, IReadOnlyList<NodeMention> Nodes, IReadOnlyList<EdgeMention> Edges)
{
    /// <summary>
    /// Resolves a document's chunk extractions. Every chunk's alias definitions are learned first, so an acronym used in
    /// chunk 1 and defined in chunk 5 resolves to one entity.
    /// </summary>
    public static DocumentGraph Build(string documentId, IReadOnlyCollection<ChunkExtraction> chunks, EntityResolver resolver)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(resolver);
        foreach (var chunk in chunks)
        {
            resolver.Learn(chunk.Text);
            foreach (var entity in chunk.Extraction.Entities)
            {
                resolver.Learn(entity);
            }
        }

        var nodes = new Dictionary<(string Id, string Name, string Chunk), NodeMention>();
        var edges = new Dictionary<(EdgeKey Key, string Chunk), EdgeMention>();
        foreach (var chunk in chunks)
        {
            var types = new Dictionary<string, EntityType>(StringComparer.Ordinal);
            foreach (var entity in chunk.Extraction.Entities)
            {
                types.TryAdd(entity.Name, entity.Type);
                var id = resolver.Resolve(entity.Name);
                foreach (var name in entity.Aliases.Prepend(entity.Name))
                {
                    nodes.TryAdd((id, name, chunk.ChunkId), new NodeMention(id, name, entity.Type, chunk.ChunkId));
                }
            }

            foreach (var relation in chunk.Extraction.Relations)
            {
                var info = GraphSchema.Relation(relation.Relation);
                var (sourceId, targetId) = (resolver.Resolve(relation.Source), resolver.Resolve(relation.Target));
                if (sourceId == targetId)
                {
                    continue;
                }

                nodes.TryAdd((sourceId, relation.Source, chunk.ChunkId),
                    new NodeMention(sourceId, relation.Source, types.GetValueOrDefault(relation.Source, info.SourceTypes[0]), chunk.ChunkId));
                nodes.TryAdd((targetId, relation.Target, chunk.ChunkId),
                    new NodeMention(targetId, relation.Target, types.GetValueOrDefault(relation.Target, info.TargetTypes[0]), chunk.ChunkId));
                var key = EdgeKey.Of(sourceId, relation.Relation, targetId);
                var mention = new EdgeMention(key, Math.Clamp(relation.Confidence, 0, 1), chunk.ChunkId, relation.EvidenceStart, relation.EvidenceEnd);
                if (!edges.TryGetValue((key, chunk.ChunkId), out var seen) || seen.Confidence < mention.Confidence)
                {
                    edges[(key, chunk.ChunkId)] = mention;
                }
            }
        }

        return new DocumentGraph(documentId, nodes.Values.ToList(), edges.Values.ToList());
    }

    /// <summary>
    /// The part partition <paramref name="partition"/> of <paramref name="partitions"/> stores: the entities it owns
    /// (<see cref="EntityPartitioner"/>) and every edge touching one of them, so an edge between two partitions is
    /// stored by both and either can walk it.
    /// </summary>
    public DocumentGraph ForPartition(int partition, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, partitions);
        bool Owns(string id) => EntityPartitioner.PartitionOf(id, partitions) == partition;
        return new DocumentGraph(
            DocumentId,
            Nodes.Where(n => Owns(n.EntityId)).ToList(),
            Edges.Where(e => Owns(e.Key.SourceId) || Owns(e.Key.TargetId)).ToList());
    }
}
