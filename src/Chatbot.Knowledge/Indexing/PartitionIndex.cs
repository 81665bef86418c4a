using Chatbot.Knowledge.Indexing.Analysis;
using Chatbot.Knowledge.Indexing.Bm25;
using Chatbot.Knowledge.Indexing.Vectors;

namespace Chatbot.Knowledge.Indexing;

/// <summary>
/// Everything one knowledge partition searches: a BM25 index over analyzed chunk text and a vector index over chunk
/// embeddings, kept in step (a chunk is in both or neither). The dataset-wide search is:
/// <list type="number">
/// <item>analyze the query once (<see cref="Bm25Query.Parse"/>) and embed it once;</item>
/// <item>ask every partition for <see cref="GetStatistics"/> and sum them (<see cref="Bm25Statistics.Sum"/>);</item>
/// <item>every partition runs <see cref="SearchBm25"/> with the sum and <see cref="SearchDense"/>;</item>
/// <item>merge each route's lists (<see cref="SearchResults.Merge"/>), then fuse (<see cref="Fusion.ReciprocalRankFusion"/>).</item>
/// </list>
/// Thread-safety: one writer at a time; searches may run concurrently with each other but not with a mutation.
/// </summary>
public sealed partial class PartitionIndex
{
    private Bm25Index _bm25;
    private VectorIndex _vectors;

    /// <summary>Creates an empty partition index.</summary>
    /// <param name="analyzer">Analyzer for chunk text and queries; its <see cref="ITextAnalyzer.Name"/> is persisted.</param>
    /// <param name="dimensions">Embedding length.</param>
    /// <param name="bm25">BM25 parameters.</param>
    /// <param name="vectors">Vector index options.</param>
    public PartitionIndex(ITextAnalyzer analyzer, int dimensions, Bm25Options? bm25 = null, VectorIndexOptions? vectors = null)
    {
        Analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _bm25 = new Bm25Index(bm25);
        _vectors = new VectorIndex(dimensions, vectors);
    }

    /// <summary>The analyzer chunks were indexed with; queries must use it too.</summary>
    public ITextAnalyzer Analyzer { get; }

    /// <summary>Embedding length.</summary>
    public int Dimensions => _vectors.Dimensions;

    /// <summary>Number of chunks.</summary>
    public int Count => _bm25.Count;

    /// <summary>Whether a chunk is indexed.</summary>
    public bool Contains(string chunkId) => _bm25.Contains(chunkId);

    /// <summary>Indexes a chunk, replacing an earlier version with the same id.</summary>
    public void Upsert(IndexedChunk chunk, string text, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(text);
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected a vector of {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        Remove(chunk.ChunkId);
        var terms = Analyzer.Analyze(text);
        _bm25.Add(chunk, terms);
        _vectors.Add(chunk, vector);
    }

    /// <summary>Removes a chunk from both indexes; returns false when it was not indexed.</summary>
    public bool Remove(string chunkId)
    {
        var removed = _bm25.Remove(chunkId);
        return _vectors.Remove(chunkId) || removed;
    }

    /// <summary>Removes every chunk of a document; returns how many were removed.</summary>
    public int RemoveDocument(string documentId)
    {
        _vectors.RemoveDocument(documentId);
        return _bm25.RemoveDocument(documentId);
    }

    /// <summary>This partition's BM25 statistics for the query's terms.</summary>
    public Bm25Statistics GetStatistics(Bm25Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _bm25.GetStatistics(query.DistinctTerms);
    }

    /// <summary>BM25 top <paramref name="topK"/> scored with dataset-wide <paramref name="corpus"/> statistics.</summary>
    public IReadOnlyList<ScoredChunk> SearchBm25(Bm25Query query, Bm25Statistics corpus, int topK, SearchFilter? filter = null) =>
        _bm25.Search(query, corpus, topK, filter);

    /// <summary>Dense top <paramref name="topK"/> by cosine similarity (HNSW above the configured size).</summary>
    public IReadOnlyList<ScoredChunk> SearchDense(ReadOnlySpan<float> query, int topK, SearchFilter? filter = null) =>
        _vectors.Search(query, topK, filter);
}
