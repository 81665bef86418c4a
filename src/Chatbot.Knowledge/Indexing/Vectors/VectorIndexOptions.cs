namespace Chatbot.Knowledge.Indexing.Vectors;

/// <summary>Options of <see cref="VectorIndex"/>. Immutable.</summary>
public sealed record VectorIndexOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge:Vectors";

    /// <summary>
    /// Live vector count from which searches use the HNSW graph instead of an exact scan. Below it an exact SIMD scan
    /// is both exact and fast. Default 10,000.
    /// </summary>
    public int HnswThreshold { get; init; } = 10_000;

    /// <summary>HNSW parameters.</summary>
    public HnswOptions Hnsw { get; init; } = new();

    /// <summary>Throws naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (HnswThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(HnswThreshold), HnswThreshold, $"{SectionName}:HnswThreshold must be >= 0.");
        }

        Hnsw.Validate();
    }
}
