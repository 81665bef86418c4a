namespace Chatbot.Knowledge.Indexing.Vectors;

public sealed partial class VectorIndex
{
    private const string Magic = "chatbot.vectors";
    private const int FormatVersion = 1;

    /// <summary>
    /// Writes every slot (tombstoned ones too, since the HNSW graph routes through them): chunk records of live slots,
    /// raw little-endian float32 vectors, then the graph when one is active. Leaves <paramref name="stream"/> open.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        IndexBinary.WriteHeader(writer, Magic, FormatVersion);
        writer.Write7BitEncodedInt(Dimensions);
        writer.Write7BitEncodedInt(_catalog.SlotCount);
        for (var slot = 0; slot < _catalog.SlotCount; slot++)
        {
            var live = _catalog.IsLive(slot);
            writer.Write(live);
            IndexBinary.WriteChunk(writer, live ? _catalog.Chunk(slot) : new IndexedChunk(string.Empty, string.Empty));
        }

        _store.WriteTo(writer);
        writer.Write(_graph is not null);
        _graph?.WriteTo(writer);
    }

    /// <summary>Reads an index written by <see cref="WriteTo"/>. Leaves <paramref name="stream"/> open.</summary>
    /// <exception cref="InvalidDataException">The stream is not a vector index of a supported version.</exception>
    public static VectorIndex ReadFrom(Stream stream, VectorIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        IndexBinary.ReadHeader(reader, Magic, FormatVersion);
        var index = new VectorIndex(reader.Read7BitEncodedInt(), options);
        var slotCount = reader.Read7BitEncodedInt();
        var dead = new List<string>();
        for (var slot = 0; slot < slotCount; slot++)
        {
            var live = reader.ReadBoolean();
            var chunk = IndexBinary.ReadChunk(reader);
            if (!live)
            {
                // Re-create the tombstone so slots keep lining up with the stored vectors and graph.
                chunk = new IndexedChunk($"\0dead:{slot}", string.Empty);
                dead.Add(chunk.ChunkId);
            }

            index._catalog.Add(chunk);
        }

        index._store = VectorStore.ReadFrom(reader, index.Dimensions);
        if (index._store.Count != slotCount)
        {
            throw new InvalidDataException($"Vector index holds {index._store.Count} vectors for {slotCount} chunks.");
        }

        foreach (var chunkId in dead)
        {
            index._catalog.TryRemove(chunkId, out _);
        }

        if (reader.ReadBoolean())
        {
            index._graph = HnswGraph.ReadFrom(reader, index._store, index._options.Hnsw);
        }

        return index;
    }
}
