using Chatbot.Knowledge.Store;
using Microsoft.Extensions.AI;

namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// Turns one uploaded document into the chunks a knowledge base stores: parse (<see cref="DocumentParsers"/>), chunk
/// (<see cref="DocumentChunker"/>), embed each chunk's <see cref="DocumentChunk.ContextText"/> in batches, and assign
/// each chunk its partition (<see cref="ChunkPartitioner"/>).
/// </summary>
/// <remarks>
/// Thread-safe; register one per silo. All the work runs on the thread pool, never on the caller's thread (a grain
/// awaits it without blocking its scheduler), and at most <see cref="KnowledgeOptions.MaxConcurrentIngestions"/>
/// documents are processed at once; further callers wait their turn.
/// </remarks>
public sealed class IngestionPipeline
{
    private readonly DocumentParsers _parsers;
    private readonly DocumentChunker _chunker;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly int _batchSize;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates the pipeline.</summary>
    public IngestionPipeline(
        DocumentParsers parsers, DocumentChunker chunker, IEmbeddingGenerator<string, Embedding<float>> embeddings, KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        ArgumentNullException.ThrowIfNull(chunker);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentIngestions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EmbeddingBatchSize, 1);
        _parsers = parsers;
        _chunker = chunker;
        _embeddings = embeddings;
        _batchSize = options.EmbeddingBatchSize;
        _slots = new SemaphoreSlim(options.MaxConcurrentIngestions, options.MaxConcurrentIngestions);
    }

    /// <summary>Parses, chunks and embeds <paramref name="document"/>.</summary>
    /// <param name="document">The upload; its file name and content type choose the parser, its upload time dates the chunks.</param>
    /// <param name="settings">The dataset's chunk size and overlap.</param>
    /// <param name="partitions">The dataset's partition count (at least 1).</param>
    /// <param name="cancellationToken">Cancels waiting for a slot and the work itself.</param>
    /// <returns>The chunks in document order; ids <c>{documentId}:{index}</c>.</returns>
    /// <exception cref="UnsupportedDocumentTypeException">No parser reads the document's type.</exception>
    /// <exception cref="DocumentParseException">The document is damaged, or has no text to index.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The chunk settings are out of range (named as the request fields).</exception>
    public async Task<IReadOnlyList<StoredChunk>> RunAsync(
        StoredDocument document, IndexSettings settings, int partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var chunking = new ChunkingOptions { ChunkSize = settings.ChunkSize, Overlap = settings.Overlap };
        chunking.Validate();

        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => ProcessAsync(document, chunking, partitions, cancellationToken), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<IReadOnlyList<StoredChunk>> ProcessAsync(
        StoredDocument document, ChunkingOptions chunking, int partitions, CancellationToken cancellationToken)
    {
        // 1. Parse: parser errors propagate; the knowledge base records their reason on the document.
        using var content = new MemoryStream(document.Content, writable: false);
        var parsed = await _parsers.ParseAsync(content, document.FileName, document.ContentType, cancellationToken);
        if (parsed.IsEmpty)
        {
            throw new DocumentParseException(parsed.Format,
                "The document has no text to index (a scanned PDF needs text recognition first).");
        }

        // 2. Chunk by tokens, structure-aware.
        var chunks = _chunker.Chunk(document.DocumentId, parsed, chunking, cancellationToken);

        // 3. Embed the text each chunk is searched by (heading path + body), a batch at a time.
        var vectors = new float[chunks.Count][];
        for (var start = 0; start < chunks.Count; start += _batchSize)
        {
            var batch = chunks.Skip(start).Take(_batchSize).Select(c => c.ContextText).ToList();
            var embeddings = await _embeddings.GenerateAsync(batch, cancellationToken: cancellationToken);
            if (embeddings.Count != batch.Count)
            {
                throw new InvalidOperationException(
                    $"The embedding generator returned {embeddings.Count} embeddings for {batch.Count} texts.");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                vectors[start + i] = Normalize(embeddings[i].Vector.ToArray());
            }
        }

        // 4. Stamp ids, partitions and the document date.
        var result = new StoredChunk[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var chunkId = ChunkPartitioner.ChunkId(document.DocumentId, chunk.Index);
            result[i] = new StoredChunk
            {
                ChunkId = chunkId,
                DocumentId = document.DocumentId,
                Partition = ChunkPartitioner.PartitionOf(chunkId, partitions),
                Index = chunk.Index,
                Title = document.FileName,
                Section = chunk.Section,
                Text = chunk.Text,
                Start = chunk.Start,
                End = chunk.End,
                Page = chunk.Page,
                DocumentDate = document.UploadedAt,
                Vector = vectors[i],
            };
        }

        return result;
    }

    // Search scores by dot product, so every stored vector has unit length whatever the generator returns.
    private static float[] Normalize(float[] vector)
    {
        var sum = 0.0;
        foreach (var v in vector)
        {
            sum += (double)v * v;
        }

        if (sum > 0)
        {
            var scale = (float)(1 / Math.Sqrt(sum));
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] *= scale;
            }
        }

        return vector;
    }
}
