namespace Chatbot.Knowledge.Embeddings;

/// <summary>Options of <see cref="HashingEmbeddingGenerator"/>. Changing any of them changes every vector: re-index.</summary>
public sealed record HashingEmbeddingOptions
{
    /// <summary>Vector length. Default 384.</summary>
    public int Dimensions { get; init; } = 384;

    /// <summary>Weight of each analyzed term (word, plural-stemmed; CJK bigram). Default 1.</summary>
    public float TermWeight { get; init; } = 1f;

    /// <summary>Weight of each character trigram of a word (with boundary marks), for spelling and morphology. Default 0.3.</summary>
    public float CharTrigramWeight { get; init; } = 0.3f;

    /// <summary>Weight of each single CJK character, so texts sharing characters but not bigrams still relate. Default 0.5.</summary>
    public float CjkCharacterWeight { get; init; } = 0.5f;

    /// <summary>Throws naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (Dimensions < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, $"{EmbeddingOptions.SectionName}:Hashing:Dimensions must be at least 8.");
        }

        if (TermWeight < 0 || CharTrigramWeight < 0 || CjkCharacterWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TermWeight), $"{EmbeddingOptions.SectionName}:Hashing weights must be >= 0.");
        }
    }
}
