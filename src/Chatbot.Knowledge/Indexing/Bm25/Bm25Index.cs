namespace Chatbot.Knowledge.Indexing.Bm25;

/// <summary>
/// An in-memory BM25 inverted index over analyzed chunks: add, remove (single chunk or whole document), search with
/// local or external (dataset-wide) statistics, filter by document and date, and a compact binary form.
/// Thread-safety: one writer at a time; searches may run concurrently with each other but not with a mutation —
/// the owning grain's turn-based scheduling provides exactly that.
/// </summary>
public sealed partial class Bm25Index
{
    /// <summary>Compaction runs when tombstoned chunks exceed both this count and the live count.</summary>
    private const int CompactionMinimumDead = 256;

    private readonly Bm25Options _options;
    private ChunkCatalog _catalog = new();
    private Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private List<string> _terms = [];
    private List<PostingList> _postings = [];
    private List<ForwardEntry?> _forward = [];

    /// <summary>Creates an empty index.</summary>
    public Bm25Index(Bm25Options? options = null)
    {
        _options = options ?? new Bm25Options();
        _options.Validate();
    }

    /// <summary>Number of live chunks.</summary>
    public int Count => _catalog.LiveCount;

    /// <summary>Sum of live chunk lengths, in terms.</summary>
    public long TotalLength { get; private set; }

    /// <summary>Whether a chunk is indexed.</summary>
    public bool Contains(string chunkId) => _catalog.Contains(chunkId);

    /// <summary>Indexes a chunk from its analyzed terms. Throws if the chunk id is already present.</summary>
    public void Add(IndexedChunk chunk, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var counts = new Dictionary<int, int>();
        foreach (var term in terms)
        {
            var id = TermId(term);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        var slot = _catalog.Add(chunk);
        var entry = new ForwardEntry([.. counts.Keys], [.. counts.Values], terms.Count);
        for (var i = 0; i < entry.TermIds.Length; i++)
        {
            _postings[entry.TermIds[i]].Add(slot, entry.Frequencies[i]);
        }

        _forward.Add(entry);
        TotalLength += entry.Length;
    }

    /// <summary>Removes a chunk; returns false when it was not indexed.</summary>
    public bool Remove(string chunkId)
    {
        if (!_catalog.TryRemove(chunkId, out var slot))
        {
            return false;
        }

        var entry = _forward[slot]!;
        foreach (var termId in entry.TermIds)
        {
            _postings[termId].DocumentFrequency--;
        }

        _forward[slot] = null;
        TotalLength -= entry.Length;
        if (_catalog.DeadCount > CompactionMinimumDead && _catalog.DeadCount > _catalog.LiveCount)
        {
            Compact();
        }

        return true;
    }

    /// <summary>Removes every chunk of a document; returns how many were removed.</summary>
    public int RemoveDocument(string documentId)
    {
        var chunks = _catalog.ChunksOfDocument(documentId);
        foreach (var chunkId in chunks)
        {
            Remove(chunkId);
        }

        return chunks.Count;
    }

    private int TermId(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _termIds.Add(term, id);
            _terms.Add(term);
            _postings.Add(new PostingList());
        }

        return id;
    }

    /// <summary>Rebuilds all structures from the live chunks, dropping tombstones and unused terms.</summary>
    private void Compact()
    {
        var live = LiveChunks().ToList();
        _catalog = new ChunkCatalog();
        _termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _terms = [];
        _postings = [];
        _forward = [];
        TotalLength = 0;
        foreach (var (chunk, terms) in live)
        {
            AddExpanded(chunk, terms);
        }
    }

    /// <summary>Live chunks with their (term, frequency) pairs, in slot order.</summary>
    private IEnumerable<(IndexedChunk Chunk, (string Term, int Frequency)[] Terms)> LiveChunks()
    {
        for (var slot = 0; slot < _catalog.SlotCount; slot++)
        {
            if (_forward[slot] is { } entry)
            {
                var terms = new (string, int)[entry.TermIds.Length];
                for (var i = 0; i < terms.Length; i++)
                {
                    terms[i] = (_terms[entry.TermIds[i]], entry.Frequencies[i]);
                }

                yield return (_catalog.Chunk(slot), terms);
            }
        }
    }

    private void AddExpanded(IndexedChunk chunk, (string Term, int Frequency)[] terms)
    {
        var slot = _catalog.Add(chunk);
        var ids = new int[terms.Length];
        var frequencies = new int[terms.Length];
        var length = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            ids[i] = TermId(terms[i].Term);
            frequencies[i] = terms[i].Frequency;
            length += frequencies[i];
            _postings[ids[i]].Add(slot, frequencies[i]);
        }

        _forward.Add(new ForwardEntry(ids, frequencies, length));
        TotalLength += length;
    }
}
