using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// Assigns a chunk to a partition by a stable hash of its id (XxHash32 of the UTF-8 bytes), so every process, every
/// restart and every silo agree on where a chunk lives. <see cref="string.GetHashCode()"/> would not: it is randomised
/// per process.
/// </summary>
public static class ChunkPartitioner
{
    /// <summary>The chunk id of the chunk at <paramref name="index"/> of a document: <c>{documentId}:{index}</c>.</summary>
    public static string ChunkId(string documentId, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{documentId}:{index}");

    /// <summary>The partition, 0 to <paramref name="partitions"/> − 1, that holds <paramref name="chunkId"/>.</summary>
    public static int PartitionOf(string chunkId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(chunkId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Span<byte> hash = stackalloc byte[sizeof(uint)];
        XxHash32.Hash(Encoding.UTF8.GetBytes(chunkId), hash);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % (uint)partitions);
    }
}
