namespace Chatbot.Knowledge.Indexing.Vectors;

/// <summary>
/// Dense vectors of one partition: cosine similarity search, exact (SIMD scan) below
/// <see cref="VectorIndexOptions.HnswThreshold"/> live vectors and HNSW from there on; remove by chunk or document
/// (tombstones, compacted when they outnumber live vectors); filters; a compact binary form.
/// Thread-safety: one writer at a time; searches may run concurrently with each other but not with a mutation.
/// </summary>
public sealed partial class VectorIndex
{
    private const int CompactionMinimumDead = 256;

    private readonly VectorIndexOptions _options;
    private ChunkCatalog _catalog = new();
    private VectorStore _store;
    private HnswGraph? _graph;

    /// <summary>Creates an empty index of <paramref name="dimensions"/>-dimensional vectors.</summary>
    public VectorIndex(int dimensions, VectorIndexOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        _options = options ?? new VectorIndexOptions();
        _options.Validate();
        _store = new VectorStore(dimensions);
    }

    /// <summary>Vector length.</summary>
    public int Dimensions => _store.Dimensions;

    /// <summary>Number of live vectors.</summary>
    public int Count => _catalog.LiveCount;

    /// <summary>Whether searches currently go through the HNSW graph.</summary>
    public bool UsesHnsw => _graph is not null;

    /// <summary>Whether a chunk is indexed.</summary>
    public bool Contains(string chunkId) => _catalog.Contains(chunkId);

    /// <summary>Adds a chunk's vector (normalised on the way in). Throws if the chunk id is already present.</summary>
    public void Add(IndexedChunk chunk, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected a vector of {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        _catalog.Add(chunk);
        var slot = _store.Add(vector);
        if (_graph is not null)
        {
            _graph.Insert(slot);
        }
        else if (_catalog.LiveCount >= _options.HnswThreshold)
        {
            BuildGraph();
        }
    }

    /// <summary>Removes a chunk; returns false when it was not indexed.</summary>
    public bool Remove(string chunkId)
    {
        if (!_catalog.TryRemove(chunkId, out _))
        {
            return false;
        }

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

    private void BuildGraph()
    {
        _graph = new HnswGraph(_store, _options.Hnsw);
        for (var slot = 0; slot < _store.Count; slot++)
        {
            _graph.Insert(slot);
        }
    }

    /// <summary>Copies live vectors into fresh slots and rebuilds the graph when one is due.</summary>
    private void Compact()
    {
        var catalog = new ChunkCatalog();
        var store = new VectorStore(Dimensions);
        for (var slot = 0; slot < _catalog.SlotCount; slot++)
        {
            if (_catalog.IsLive(slot))
            {
                catalog.Add(_catalog.Chunk(slot));
                store.Add(_store.Row(slot));
            }
        }

        (_catalog, _store, _graph) = (catalog, store, null);
        if (_catalog.LiveCount >= _options.HnswThreshold)
        {
            BuildGraph();
        }
    }
}
