using Chatbot.Knowledge.Ingestion;

namespace Chatbot.Knowledge.Graph.Storage;

/// <summary>
/// Assigns an entity to a graph partition by the same stable hash that places chunks
/// (<see cref="ChunkPartitioner.PartitionOf"/>), so every silo agrees on an entity's home.
/// </summary>
public static class EntityPartitioner
{
    /// <summary>The partition, 0 to <paramref name="partitions"/> − 1, that owns <paramref name="entityId"/>.</summary>
    public static int PartitionOf(string entityId, int partitions) => ChunkPartitioner.PartitionOf(entityId, partitions);
}
