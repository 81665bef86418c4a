namespace Chatbot.Knowledge.Indexing;

/// <summary>
/// Maps chunk ids to dense integer slots and keeps each slot's document id, date and liveness. Removal leaves a
/// tombstone (the slot stays allocated) so that slot-addressed structures — postings, vectors, HNSW links — stay
/// valid; owners compact when tombstones pile up. Single writer; not thread-safe for concurrent mutation.
/// </summary>
internal sealed class ChunkCatalog
{
    private readonly Dictionary<string, int> _slotByChunk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<int>> _slotsByDocument = new(StringComparer.Ordinal);
    private readonly List<string> _chunkIds = [];
    private readonly List<string> _documentIds = [];
    private readonly List<DateTimeOffset?> _dates = [];
    private readonly List<bool> _live = [];

    /// <summary>Number of allocated slots, live or dead.</summary>
    public int SlotCount => _chunkIds.Count;

    /// <summary>Number of live chunks.</summary>
    public int LiveCount => _slotByChunk.Count;

    /// <summary>Number of tombstoned slots.</summary>
    public int DeadCount => SlotCount - LiveCount;

    public bool Contains(string chunkId) => _slotByChunk.ContainsKey(chunkId);

    public bool IsLive(int slot) => _live[slot];

    public string ChunkId(int slot) => _chunkIds[slot];

    public string DocumentId(int slot) => _documentIds[slot];

    public DateTimeOffset? Date(int slot) => _dates[slot];

    /// <summary>Allocates a new slot; throws when the chunk id is already present (remove it first to replace).</summary>
    public int Add(IndexedChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_slotByChunk.ContainsKey(chunk.ChunkId))
        {
            throw new ArgumentException($"Chunk '{chunk.ChunkId}' is already indexed; remove it before adding it again.", nameof(chunk));
        }

        var slot = _chunkIds.Count;
        var documentId = InternDocument(chunk.DocumentId, out var slots);
        _chunkIds.Add(chunk.ChunkId);
        _documentIds.Add(documentId);
        _dates.Add(chunk.Date);
        _live.Add(true);
        _slotByChunk.Add(chunk.ChunkId, slot);
        slots.Add(slot);
        return slot;
    }

    /// <summary>Tombstones the chunk's slot; returns false when the chunk is not indexed.</summary>
    public bool TryRemove(string chunkId, out int slot)
    {
        if (!_slotByChunk.Remove(chunkId, out slot))
        {
            return false;
        }

        _live[slot] = false;
        var documentId = _documentIds[slot];
        var slots = _slotsByDocument[documentId];
        slots.Remove(slot);
        if (slots.Count == 0)
        {
            _slotsByDocument.Remove(documentId);
        }

        return true;
    }

    /// <summary>Chunk ids of the live chunks of a document.</summary>
    public IReadOnlyList<string> ChunksOfDocument(string documentId) =>
        _slotsByDocument.TryGetValue(documentId, out var slots) ? slots.Select(s => _chunkIds[s]).ToList() : [];

    /// <summary>Live slots of the given documents, ascending.</summary>
    public List<int> SlotsOfDocuments(IEnumerable<string> documentIds)
    {
        var result = new List<int>();
        foreach (var documentId in documentIds)
        {
            if (_slotsByDocument.TryGetValue(documentId, out var slots))
            {
                result.AddRange(slots);
            }
        }

        result.Sort();
        return result;
    }

    public bool Matches(int slot, SearchFilter? filter) =>
        _live[slot] && (filter is null || filter.Matches(_documentIds[slot], _dates[slot]));

    public IndexedChunk Chunk(int slot) => new(_chunkIds[slot], _documentIds[slot], _dates[slot]);

    private string InternDocument(string documentId, out HashSet<int> slots)
    {
        if (_slotsByDocument.TryGetValue(documentId, out slots!))
        {
            // Reuse the stored instance so thousands of chunks of one document share one string.
            return _documentIds[slots.First()];
        }

        slots = [];
        _slotsByDocument.Add(documentId, slots);
        return documentId;
    }
}
