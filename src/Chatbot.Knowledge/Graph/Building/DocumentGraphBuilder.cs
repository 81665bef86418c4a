using Chatbot.Knowledge.Graph.Extraction;
using Chatbot.Knowledge.Graph.Extraction.Model;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Storage;

namespace Chatbot.Knowledge.Graph.Building;

/// <summary>
/// Builds one document's graph the way the index job needs it: every chunk's text through the
/// <see cref="IGraphExtractor"/> (at most <c>maxConcurrentExtractions</c> chunks at once, which matters for a model
/// extractor), names resolved with the dataset's <see cref="EntityResolver"/>, then cut into the part each
/// partition stores (<see cref="Split"/>).
/// </summary>
/// <remarks>
/// Thread-safe when the extractor is, but the resolver is not: one dataset builds one document at a time (its index job
/// does). The work runs on the thread pool, never on the caller's thread, so a grain awaits it without blocking its
/// scheduler. A chunk the model cannot extract (<see cref="GraphExtractionException"/>) contributes nothing and is counted
/// in <see cref="DocumentGraphBuild.FailedChunks"/>; the document's text is indexed all the same.
/// </remarks>
public sealed class DocumentGraphBuilder
{
    private readonly IGraphExtractor _extractor;
    private readonly int _maxConcurrentExtractions;

    /// <summary>Creates a builder over <paramref name="extractor"/>.</summary>
    public DocumentGraphBuilder(IGraphExtractor extractor, int maxConcurrentExtractions = 4)
    {
        _extractor = extractor ?? throw new ArgumentNullException(nameof(extractor));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentExtractions, 1);
        _maxConcurrentExtractions = maxConcurrentExtractions;
    }

    /// <summary>Extracts and resolves the graph of a document's chunks (chunk id and body text, in document order).</summary>
    public Task<DocumentGraphBuild> BuildAsync(
        string documentId, IReadOnlyList<(string ChunkId, string Text)> chunks, EntityResolver resolver, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(resolver);
        return Task.Run(async () =>
        {
            var extractions = new GraphExtraction?[chunks.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, chunks.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrentExtractions, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    try
                    {
                        extractions[i] = await _extractor.ExtractAsync(chunks[i].Text, token);
                    }
                    catch (GraphExtractionException)
                    {
                        extractions[i] = null;
                    }
                });

            // Resolution learns aliases, so it runs once, in document order, after every chunk is extracted.
            var extracted = chunks.Select((c, i) => (Chunk: c, Extraction: extractions[i]))
                .Where(e => e.Extraction is not null)
                .Select(e => new ChunkExtraction(e.Chunk.ChunkId, e.Chunk.Text, e.Extraction!))
                .ToList();
            return new DocumentGraphBuild(DocumentGraph.Build(documentId, extracted, resolver), chunks.Count - extracted.Count);
        }, cancellationToken);
    }

    /// <summary>
    /// The serialised part of <paramref name="graph"/> each of <paramref name="partitions"/> partitions stores
    /// (<see cref="DocumentGraph.ForPartition"/>); partitions with nothing to store are left out.
    /// </summary>
    public static IReadOnlyList<(int Partition, byte[] Graph)> Split(DocumentGraph graph, int partitions)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return Enumerable.Range(0, partitions)
            .Select(p => (Partition: p, Part: graph.ForPartition(p, partitions)))
            .Where(p => p.Part.Nodes.Count > 0 || p.Part.Edges.Count > 0)
            .Select(p => (p.Partition, p.Part.ToBytes()))
            .ToList();
    }
}
