namespace Chatbot.Knowledge.Indexing;

/// <summary>
/// Shared pieces of the indexes' binary formats: a magic/version header and chunk records. All integers are
/// little-endian (BinaryWriter); strings are length-prefixed UTF-8.
/// </summary>
internal static class IndexBinary
{
    public static void WriteHeader(BinaryWriter writer, string magic, int version)
    {
        writer.Write(magic);
        writer.Write7BitEncodedInt(version);
    }

    public static void ReadHeader(BinaryReader reader, string magic, int version)
    {
        var actualMagic = reader.ReadString();
        if (actualMagic != magic)
        {
            throw new InvalidDataException($"Expected a '{magic}' stream but found '{actualMagic}'.");
        }

        var actualVersion = reader.Read7BitEncodedInt();
        if (actualVersion != version)
        {
            throw new InvalidDataException($"Unsupported '{magic}' format version {actualVersion}; this build reads version {version}.");
        }
    }

    public static void WriteChunk(BinaryWriter writer, IndexedChunk chunk)
    {
        writer.Write(chunk.ChunkId);
        writer.Write(chunk.DocumentId);
        writer.Write(chunk.Date.HasValue);
        if (chunk.Date is { } date)
        {
            writer.Write(date.UtcTicks);
            writer.Write((short)date.Offset.TotalMinutes);
        }
    }

    public static IndexedChunk ReadChunk(BinaryReader reader)
    {
        var chunkId = reader.ReadString();
        var documentId = reader.ReadString();
        DateTimeOffset? date = null;
        if (reader.ReadBoolean())
        {
            var utcTicks = reader.ReadInt64();
            var offset = TimeSpan.FromMinutes(reader.ReadInt16());
            date = new DateTimeOffset(utcTicks + offset.Ticks, offset);
        }

        return new IndexedChunk(chunkId, documentId, date);
    }
}
