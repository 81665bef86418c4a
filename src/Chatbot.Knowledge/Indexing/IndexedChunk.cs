namespace Chatbot.Knowledge.Indexing;

/// <summary>
/// Identity and filterable metadata of one chunk as the indexes see it.
/// </summary>
/// <param name="ChunkId">Unique id of the chunk within a dataset (for example <c>doc-7#12</c>).</param>
/// <param name="DocumentId">Id of the document the chunk came from; used for document filters and deletion.</param>
/// <param name="Date">Optional document date used by date-range filters; <see langword="null"/> never matches a date filter.</param>
public sealed record IndexedChunk(string ChunkId, string DocumentId, DateTimeOffset? Date = null);
