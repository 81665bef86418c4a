namespace Chatbot.Knowledge.Indexing;

/// <summary>
/// Restricts a search to chunks of some documents and/or a date range. Every set criterion must match.
/// Immutable; safe to share between threads.
/// </summary>
public sealed record SearchFilter
{
    /// <summary>When set, only chunks whose document id is in this set match.</summary>
    public IReadOnlySet<string>? DocumentIds { get; init; }

    /// <summary>Inclusive lower bound on <see cref="IndexedChunk.Date"/>; chunks without a date do not match.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Inclusive upper bound on <see cref="IndexedChunk.Date"/>; chunks without a date do not match.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Whether the filter restricts anything at all.</summary>
    public bool IsEmpty => DocumentIds is null && From is null && To is null;

    /// <summary>Whether a chunk with this document id and date passes the filter.</summary>
    public bool Matches(string documentId, DateTimeOffset? date)
    {
        if (DocumentIds is not null && !DocumentIds.Contains(documentId))
        {
            return false;
        }

        if (From is null && To is null)
        {
            return true;
        }

        return date is { } d && (From is null || d >= From) && (To is null || d <= To);
    }
}
