namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// How <see cref="DocumentChunker"/> cuts a document: the request's <c>options.chunk_size</c> and <c>options.overlap</c>,
/// both in tokens of the chunker's tokenizer (o200k_base by default).
/// </summary>
public sealed record ChunkingOptions
{
    /// <summary>The smallest accepted <see cref="ChunkSize"/>: room for a few words or CJK characters.</summary>
    public const int MinChunkSize = 16;

    /// <summary>The largest accepted <see cref="ChunkSize"/>.</summary>
    public const int MaxChunkSize = 8192;

    /// <summary>The most tokens a chunk's body holds, its heading path included (see <see cref="DocumentChunk.ContextText"/>). Default 512.</summary>
    public int ChunkSize { get; init; } = 512;

    /// <summary>
    /// How many tokens at the end of a chunk are repeated at the start of the next one in the same section, so a fact
    /// that straddles a break is whole in one of them. At most half of <see cref="ChunkSize"/>. Default 64.
    /// </summary>
    public int Overlap { get; init; } = 64;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the request field when a value is out of range.</summary>
    public void Validate()
    {
        if (ChunkSize is < MinChunkSize or > MaxChunkSize)
        {
            throw new ArgumentOutOfRangeException(
                "chunk_size", ChunkSize, $"chunk_size must be between {MinChunkSize} and {MaxChunkSize} tokens.");
        }

        if (Overlap < 0 || Overlap > ChunkSize / 2)
        {
            throw new ArgumentOutOfRangeException(
                "overlap", Overlap, $"overlap must be between 0 and half of chunk_size ({ChunkSize / 2}) tokens.");
        }
    }
}
