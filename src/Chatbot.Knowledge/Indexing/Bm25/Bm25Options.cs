namespace Chatbot.Knowledge.Indexing.Bm25;

/// <summary>BM25 ranking parameters. Immutable.</summary>
public sealed record Bm25Options
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge:Bm25";

    /// <summary>Term-frequency saturation; 0 ignores frequency. Default 1.2.</summary>
    public double K1 { get; init; } = 1.2;

    /// <summary>Length normalisation in [0, 1]; 0 ignores chunk length. Default 0.75.</summary>
    public double B { get; init; } = 0.75;

    /// <summary>Throws naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (!(K1 >= 0) || double.IsInfinity(K1))
        {
            throw new ArgumentOutOfRangeException(nameof(K1), K1, $"{SectionName}:K1 must be a finite number >= 0.");
        }

        if (!(B is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(B), B, $"{SectionName}:B must be between 0 and 1.");
        }
    }
}
