using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph.Building;
using Chatbot.Knowledge.Graph.Communities;
using Chatbot.Knowledge.Graph.Resolution;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Knowledge.Store;
using Microsoft.Extensions.Logging;

namespace Chatbot.Grains.Knowledge;

// The dataset's graph: one entity resolver with persisted aliases, each document's graph cut into partition parts,
// and the community summaries recomputed when the index job settles.
public sealed partial class KnowledgeBaseGrain
{
    private EntityResolver _resolver = new();
    private int _savedAliases;
    private IReadOnlyList<GraphCommunitySummary> _communities = [];

    public Task<IReadOnlyList<GraphCommunitySummary>> GetCommunitiesAsync() => Task.FromResult(_communities);

    public async Task<GraphBuildEstimate?> EstimateGraphBuildAsync(CancellationToken cancellationToken = default)
    {
        if (!state.State.Exists)
        {
            return null;
        }

        var (tenant, dataset) = Id;
        var texts = await store.LoadChunkTextsAsync(tenant, dataset, cancellationToken);
        var estimate = await Task.Run(() => costEstimator.Estimate(texts), cancellationToken);
        return new GraphBuildEstimate
        {
            DatasetId = dataset,
            Extractor = graphOptions.Value.Extractor,
            Chunks = estimate.Chunks,
            ModelCalls = estimate.ModelCalls,
            MaxModelCalls = estimate.MaxModelCalls,
            PromptTokens = estimate.PromptTokens,
            CompletionTokens = estimate.CompletionTokens,
        };
    }

    private async Task LoadGraphAsync(CancellationToken cancellationToken)
    {
        var (tenant, dataset) = Id;
        var aliases = await store.LoadEntityAliasesAsync(tenant, dataset, cancellationToken);
        _resolver = new EntityResolver(aliases);
        _savedAliases = aliases.Count;
        _communities = await store.LoadCommunitiesAsync(tenant, dataset, cancellationToken);
    }

    private void ForgetGraph()
    {
        _resolver = new EntityResolver();
        _savedAliases = 0;
        _communities = [];
    }

    // Extracts and resolves the document's graph off the scheduler, then saves the aliases it taught the resolver: a
    // later document naming "WHO" must resolve to the entity an earlier one defined.
    private async Task<GraphParts> BuildGraphAsync(
        string documentId, IReadOnlyList<StoredChunk> chunks, int partitions, CancellationToken cancellationToken)
    {
        var build = await graphBuilder.BuildAsync(documentId, chunks.Select(c => (c.ChunkId, c.Text)).ToList(), _resolver, cancellationToken);
        if (build.FailedChunks > 0)
        {
            LogGraphChunksFailed(logger, Key, documentId, build.FailedChunks, chunks.Count);
        }

        var aliases = _resolver.Aliases;
        if (aliases.Count != _savedAliases)
        {
            var (tenant, dataset) = Id;
            await store.SaveEntityAliasesAsync(tenant, dataset, aliases, cancellationToken);
            _savedAliases = aliases.Count;
        }

        var graph = build.Graph;
        var parts = DocumentGraphBuilder.Split(graph, partitions).Select(p => new StoredGraphPart(documentId, p.Partition, p.Graph)).ToList();
        return new GraphParts(parts, graph.Nodes.Select(n => n.EntityId).Distinct(StringComparer.Ordinal).Count(),
            graph.Edges.Select(e => e.Key).Distinct().Count());
    }

    private async Task MarkCommunitiesStaleAsync()
    {
        if (!state.State.CommunitiesStale)
        {
            state.State.CommunitiesStale = true;
            await WriteAsync();
        }
    }

    // 1. Every partition's shard; 2. communities detected off the scheduler; 3. the text of the chunks their summaries
    // may quote, from the partitions holding them; 4. summaries written off the scheduler (extractive, or by the model
    // with the extractive text as fallback); 5. summaries stored, then served.
    private async Task RefreshCommunitiesAsync(CancellationToken cancellationToken)
    {
        var partitions = Partitions();
        var exports = await Task.WhenAll(partitions.Select(p => p.ExportGraphAsync()));
        var nodes = exports.SelectMany(e => e.Nodes).Select(n => n.ToNode()).ToList();
        var edges = exports.SelectMany(e => e.Edges).Select(e => e.ToEdge()).DistinctBy(e => e.Key).ToList();
        var settings = graphOptions.Value;
        IReadOnlyList<GraphCommunitySummary> summaries = [];
        if (edges.Count > 0 && settings.MaxCommunitySummaries > 0)
        {
            var detected = await Task.Run(
                () => DatasetCommunities.Detect(nodes, edges, settings.Communities, settings.MaxCommunitySummaries, settings.MinCommunitySize),
                cancellationToken);
            var probe = new SearchQuery { Text = "" };
            var texts = (await Task.WhenAll(detected.ChunkIds.GroupBy(id => ChunkPartitioner.PartitionOf(id, partitions.Length))
                    .Select(g => partitions[g.Key].GetChunksAsync(g.ToList(), probe))))
                .SelectMany(hits => hits).ToDictionary(h => h.ChunkId, h => h.Text, StringComparer.Ordinal);
            summaries = await Task.Run(
                () => detected.SummarizeAsync(id => texts.GetValueOrDefault(id), summaryWriter, settings.Summaries.MaxConcurrency,
                    settings.Summaries.MaxRelations, cancellationToken),
                cancellationToken);
        }

        var (tenant, dataset) = Id;
        await store.SaveCommunitiesAsync(tenant, dataset, summaries, cancellationToken);
        _communities = summaries;
        state.State.CommunitiesStale = false;
        await WriteAsync();
        LogCommunities(logger, Key, summaries.Count, nodes.Count, edges.Count);
    }

    private sealed record GraphParts(IReadOnlyList<StoredGraphPart> Parts, int Entities, int Relations)
    {
        public static GraphParts None { get; } = new([], 0, 0);
    }

    [LoggerMessage(1210, LogLevel.Warning, "Knowledge base {Key}: document {DocumentId}: the graph extractor gave up on {Failed} of {Chunks} chunks")]
    private static partial void LogGraphChunksFailed(ILogger logger, string key, string documentId, int failed, int chunks);

    [LoggerMessage(1211, LogLevel.Information, "Knowledge base {Key}: {Communities} community summaries over {Entities} entities and {Relations} relations")]
    private static partial void LogCommunities(ILogger logger, string key, int communities, int entities, int relations);
}
