using System.Runtime.InteropServices;

namespace Chatbot.Knowledge.Indexing.Vectors;

/// <summary>
/// Unit vectors stored row-major in one contiguous array, addressed by slot (slots match the
/// <see cref="ChunkCatalog"/>). Contiguity keeps scans cache- and SIMD-friendly. Single writer; reads are safe
/// concurrently with each other.
/// </summary>
internal sealed class VectorStore(int dimensions)
{
    private float[] _data = new float[dimensions * 16];

    public int Dimensions { get; } = dimensions;

    public int Count { get; private set; }

    public ReadOnlySpan<float> Row(int slot) => _data.AsSpan(slot * Dimensions, Dimensions);

    public float Similarity(int a, int b) => VectorMath.Dot(Row(a), Row(b));

    /// <summary>Appends a normalised copy of <paramref name="vector"/> and returns its slot.</summary>
    public int Add(ReadOnlySpan<float> vector)
    {
        if ((Count + 1) * Dimensions > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, (Count + 1) * Dimensions));
        }

        var row = _data.AsSpan(Count * Dimensions, Dimensions);
        vector.CopyTo(row);
        VectorMath.Normalize(row);
        return Count++;
    }

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(Count);
        writer.Write(MemoryMarshal.AsBytes(_data.AsSpan(0, Count * Dimensions)));
    }

    public static VectorStore ReadFrom(BinaryReader reader, int dimensions)
    {
        var count = reader.Read7BitEncodedInt();
        var store = new VectorStore(dimensions) { _data = new float[Math.Max(count, 16) * dimensions], Count = count };
        var bytes = MemoryMarshal.AsBytes(store._data.AsSpan(0, count * dimensions));
        reader.BaseStream.ReadExactly(bytes);
        return store;
    }
}
