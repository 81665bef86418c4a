using System.Diagnostics;
using Chatbot.Knowledge.Graph.Building;
using Chatbot.Knowledge.Graph.Extraction;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Ingestion;

namespace Chatbot.Benchmarks.Graph;

/// <summary>
/// Graph build throughput with the offline extractor, as the index job builds it: documents of
/// <see cref="ChunksPerDocument"/> chunks, one after another through <see cref="DocumentGraphBuilder"/> (pattern
/// extraction, a dataset-wide <see cref="EntityResolver"/>), then cut into the partitions' serialised parts.
/// </summary>
internal static class GraphBuildPhase
{
    public const int ChunksPerDocument = 50;

    public static async Task<GraphBuildResult> RunAsync(SyntheticGraph data, int chunks, int partitions, CancellationToken cancellationToken)
    {
        var builder = new DocumentGraphBuilder(new PatternGraphExtractor());
        var resolver = new EntityResolver();
        var documents = (chunks + ChunksPerDocument - 1) / ChunksPerDocument;
        var texts = Enumerable.Range(0, chunks).Select(data.Chunk).ToArray();

        // One untimed document for JIT.
        await builder.BuildAsync("warmup", [("warmup:0", texts[0])], new EntityResolver(), cancellationToken);

        var (entities, edges, bytes) = (new HashSet<string>(StringComparer.Ordinal), 0L, 0L);
        var started = Stopwatch.GetTimestamp();
        for (var d = 0; d < documents; d++)
        {
            var id = $"doc-{d}";
            var slice = Enumerable.Range(d * ChunksPerDocument, Math.Min(ChunksPerDocument, chunks - (d * ChunksPerDocument)))
                .Select(i => (ChunkPartitioner.ChunkId(id, i), texts[i]))
                .ToList();
            var build = await builder.BuildAsync(id, slice, resolver, cancellationToken);
            var parts = DocumentGraphBuilder.Split(build.Graph, partitions);
            entities.UnionWith(build.Graph.Nodes.Select(n => n.EntityId));
            edges += build.Graph.Edges.Select(e => e.Key).Distinct().Count();
            bytes += parts.Sum(p => p.Graph.LongLength);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new GraphBuildResult(chunks, documents, entities.Count, edges, bytes, seconds);
    }
}

/// <summary>What the build phase measured.</summary>
internal sealed record GraphBuildResult(int Chunks, int Documents, int Entities, long Edges, long StoredBytes, double Seconds)
{
    public double ChunksPerSecond => Chunks / Seconds;
}
