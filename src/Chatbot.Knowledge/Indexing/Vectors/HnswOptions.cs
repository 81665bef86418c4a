namespace Chatbot.Knowledge.Indexing.Vectors;

/// <summary>Parameters of the HNSW graph (Malkov &amp; Yashunin 2018). Immutable.</summary>
public sealed record HnswOptions
{
    /// <summary>Links per node on upper layers; layer 0 allows twice as many. Default 16.</summary>
    public int M { get; init; } = 16;

    /// <summary>Candidate list size while inserting; higher builds a better graph, slower. Default 200.</summary>
    public int EfConstruction { get; init; } = 200;

    /// <summary>Candidate list size while searching (raised to k when smaller); higher is more exact. Default 128.</summary>
    public int EfSearch { get; init; } = 128;

    /// <summary>Seed of the level generator; the same inserts with the same seed build the same graph. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (M < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(M), M, "Knowledge:Vectors:Hnsw:M must be at least 2.");
        }

        if (EfConstruction < 1 || EfSearch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EfSearch), "Knowledge:Vectors:Hnsw:EfConstruction and EfSearch must be at least 1.");
        }
    }
}
