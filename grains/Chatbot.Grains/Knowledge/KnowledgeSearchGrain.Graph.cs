using Chatbot.Knowledge;
using Chatbot.Knowledge.Graph;
using Chatbot.Knowledge.Graph.Communities;
using Chatbot.Knowledge.Graph.Retrieval;
using Chatbot.Knowledge.Graph.Storage;
using Chatbot.Knowledge.Graph.Traversal;
using Chatbot.Knowledge.Indexing;
using Chatbot.Knowledge.Indexing.Fusion;
using Chatbot.Knowledge.Ingestion;
using Chatbot.Knowledge.Search;

namespace Chatbot.Grains.Knowledge;

public sealed partial class KnowledgeSearchGrain
{
    // Paths returned with a response: enough for an answer and its alternatives.
    private const int PathsReturned = 3;

    // The search metric's mode of a graph search: graph_vector, graph_graph or graph_hybrid.
    private const string GraphSearchModePrefix = "graph_";

    private static readonly HashSet<string> TextRoutes = new(StringComparer.Ordinal) { GraphResultSources.Bm25, GraphResultSources.Vector };

    /// <summary>
    /// Graph-aware search of this dataset:
    /// <list type="number">
    /// <item>the routes of the search type run in parallel: text candidates (dense for <c>vector</c>; BM25 and dense for
    /// <c>hybrid</c>), graph traversal over the partitions (<see cref="PartitionGraphSource"/>, one batch of grain calls
    /// per hop), and the knowledge base's community summaries when asked for;</item>
    /// <item>paths are kept when they end at a wanted entity type and every step is stated by a chunk within the
    /// document and date filters; with the question entities' and answers' home chunks they become the graph route
    /// (<see cref="GraphChunkRanking"/>);</item>
    /// <item>the routes are fused by weighted reciprocal rank and reranked (<see cref="GraphSlotReranker"/>: the text
    /// routes keep most places, the graph gets a share for what it found and a text route corroborates).</item>
    /// </list>
    /// </summary>
    public async Task<GraphSearchResponse> SearchGraphAsync(GraphSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = timeProvider.GetTimestamp();
        var response = await SearchGraphPartitionsAsync(request, cancellationToken);
        metrics.SearchCompleted(timeProvider.GetElapsedTime(started), GraphSearchModePrefix + request.SearchType);
        return response;
    }

    private async Task<GraphSearchResponse> SearchGraphPartitionsAsync(GraphSearchRequest request, CancellationToken cancellationToken)
    {
        var partitions = await PartitionsAsync();
        if (partitions.Count == 0)
        {
            return new GraphSearchResponse();
        }

        var key = this.GetPrimaryKeyString();
        var dataset = DatasetKey.Parse(key).Dataset;
        var fusion = graphOptions.Value.Fusion;
        var depth = CandidateDepth(request.TopK);
        var types = EntityTypesOf(request.EntityTypes);
        var filter = new SearchQuery
        {
            Text = request.Query,
            Mode = request.SearchType == GraphSearchTypes.Vector ? SearchModes.Dense : SearchModes.Hybrid,
            TopK = request.TopK,
            From = request.From,
            To = request.To,
        };

        // 1. The routes, in parallel.
        var textTask = request.SearchType == GraphSearchTypes.Graph
            ? Task.FromResult<IReadOnlyList<SearchHit>[]>([])
            : CandidatesAsync(filter, partitions, cancellationToken);
        var graphTask = request.SearchType == GraphSearchTypes.Vector
            ? Task.FromResult<GraphSearchResult?>(null)
            : TraverseAsync(request, partitions, cancellationToken);
        var communityTask = request.UseCommunity
            ? GrainFactory.GetGrain<IKnowledgeBaseGrain>(key).GetCommunitiesAsync()
            : Task.FromResult<IReadOnlyList<GraphCommunitySummary>>([]);
        await Task.WhenAll(textTask, graphTask, communityTask);
        var (byChunk, bm25, dense) = SearchMerger.Rankings(textTask.Result, depth);

        // 2. Paths of the wanted types whose every step a chunk within the filters states; the chunks of the route: the
        //    question entities' and answers' homes, and the chunks stating the paths' steps.
        var traversal = graphTask.Result;
        var paths = traversal?.Paths.Where(p => types is null || types.Contains(p.Answer.Type)).ToList() ?? [];
        var entities = (traversal?.Seeds.Select(s => s.Node) ?? []).Concat(paths.Select(p => p.Answer));
        var missing = paths.SelectMany(p => p.SupportingChunks)
            .Concat(entities.SelectMany(e => e.Chunks.Take(GraphChunkRanking.HomeCandidates)))
            .Select(c => c.ChunkId).Where(id => !byChunk.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var hit in await ChunksAsync(missing, filter, partitions))
        {
            byChunk.TryAdd(hit.ChunkId, hit);
        }

        paths = paths.Where(p => p.Steps.All(s => s.SupportingChunks.Any(c => byChunk.ContainsKey(c.ChunkId)))).ToList();
        IReadOnlyList<GraphRouteHit> graph = traversal is null
            ? []
            : GraphChunkRanking.Rank(traversal with { Paths = paths }, fusion, id => byChunk.GetValueOrDefault(id)?.Text)
                .Where(h => byChunk.ContainsKey(h.Chunk.ChunkId))
                .Where(h => types is null || h.Path is not null || (h.Entity is { } e && types.Contains(e.Type)))
                .Take(depth).ToList();
        var summaries = communityTask.Result.Where(c => types is null || c.Entities.Any(e => IsWanted(types, e.Type))).ToList();
        if (summaries.Count > 0 && (request.From is not null || request.To is not null))
        {
            // The date range applies to every route: a summary stays when a chunk it was drawn from is within it.
            var inRange = (await ChunksAsync(summaries.SelectMany(c => c.Chunks).Select(c => c.ChunkId).ToHashSet(StringComparer.Ordinal), filter, partitions))
                .Select(h => h.ChunkId).ToHashSet(StringComparer.Ordinal);
            summaries = summaries.Where(c => c.Chunks.Any(k => inRange.Contains(k.ChunkId))).ToList();
        }

        var communities = new CommunityRanker(analyzer).Rank(request.Query, summaries, depth);

        // 3. Weighted reciprocal rank fusion of the routes, then the rerank step.
        var weights = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [GraphResultSources.Bm25] = fusion.Bm25Weight,
            [GraphResultSources.Vector] = request.SearchType == GraphSearchTypes.Vector ? 1 : fusion.VectorWeight,
            [GraphResultSources.GraphTraversal] = fusion.GraphWeight,
            [GraphResultSources.Community] = fusion.CommunityWeight,
        };
        var routes = new List<RankedRoute>();
        if (request.SearchType == GraphSearchTypes.Hybrid)
        {
            routes.Add(Route(GraphResultSources.Bm25, bm25.Select(h => new ScoredChunk(h.ChunkId, h.DocumentId, h.Bm25Score!.Value))));
        }

        if (request.SearchType != GraphSearchTypes.Graph)
        {
            routes.Add(Route(GraphResultSources.Vector, dense.Select(h => new ScoredChunk(h.ChunkId, h.DocumentId, h.DenseScore!.Value))));
        }

        routes.Add(Route(GraphResultSources.GraphTraversal, graph.Select(h => new ScoredChunk(h.Chunk.ChunkId, h.Chunk.DocumentId, h.Score))));
        routes.Add(Route(GraphResultSources.Community, communities.Select(c => new ScoredChunk(CommunityKey(c.Summary), "", c.Score))));
        var fused = ReciprocalRankFusion.Fuse(routes, routes.Sum(r => r.Hits.Count), fusion.RrfK);

        var graphByChunk = graph.ToDictionary(h => h.Chunk.ChunkId, StringComparer.Ordinal);
        var communityByKey = communities.ToDictionary(c => CommunityKey(c.Summary), c => c.Summary, StringComparer.Ordinal);
        var cues = QueryCues.Find(request.Query, traversal?.Seeds.SelectMany(s => s.Node.Names) ?? []);
        var hits = new GraphSlotReranker(fusion)
            .Rerank(fused, request.TopK, TextRoutes, weights, communityByKey.Keys.ToHashSet(StringComparer.Ordinal))
            .Take(request.TopK)
            .Select(r =>
            {
                // The route that contributed most; on a tie the graph's, which says more about why the chunk is here.
                var source = r.Hit.Routes
                    .OrderByDescending(h => weights[h.Route] / (fusion.RrfK + h.Rank))
                    .ThenBy(h => h.Route == GraphResultSources.GraphTraversal ? 0 : 1)
                    .First().Route;
                return communityByKey.TryGetValue(r.Hit.ChunkId, out var summary)
                    ? CommunityHit(dataset, summary, r.Score)
                    : ChunkHit(dataset, byChunk[r.Hit.ChunkId], r.Score, source,
                        graphByChunk.TryGetValue(r.Hit.ChunkId, out var via) ? Context(via, request.UsePathReasoning) : null);
            })
            .ToList();

        return new GraphSearchResponse
        {
            Hits = hits,
            NodesExplored = traversal?.NodesExplored ?? 0,
            CommunitiesFound = communities.Count,
            Paths = request.UsePathReasoning
                ? paths.Take(PathsReturned).Select(p => GraphContexts.Record(p, id => byChunk.GetValueOrDefault(id)?.Text, cues)).ToList()
                : [],
        };

        RankedRoute Route(string name, IEnumerable<ScoredChunk> ranked) => new(name, ranked.ToList(), weights[name]);
    }

    private async Task<GraphSearchResult?> TraverseAsync(
        GraphSearchRequest request, IReadOnlyList<IKnowledgePartitionGrain> partitions, CancellationToken cancellationToken)
    {
        var traversal = graphOptions.Value.Traversal;
        var options = traversal with { MaxPaths = Math.Max(traversal.MaxPaths, CandidateDepth(request.TopK)) };
        var hops = request.UsePathReasoning ? request.MaxHops : 1;
        return await new GraphTraversal(new PartitionGraphSource(partitions), options).SearchAsync(request.Query, hops, cancellationToken);
    }

    // The chunks among chunkIds within the filter, each asked of the partition holding it.
    private static async Task<IEnumerable<SearchHit>> ChunksAsync(
        IReadOnlyCollection<string> chunkIds, SearchQuery filter, IReadOnlyList<IKnowledgePartitionGrain> partitions)
    {
        var answers = await Task.WhenAll(chunkIds.GroupBy(id => ChunkPartitioner.PartitionOf(id, partitions.Count))
            .Select(g => partitions[g.Key].GetChunksAsync(g.ToList(), filter)));
        return answers.SelectMany(a => a);
    }

    private static HashSet<EntityType>? EntityTypesOf(IReadOnlyList<string>? names)
    {
        if (names is not { Count: > 0 })
        {
            return null;
        }

        return names.Select(n => GraphSchema.TryParseEntityType(n, out var type)
            ? type
            : throw new ArgumentException($"'{n}' is not an entity type of the graph schema.", nameof(names))).ToHashSet();
    }

    private static bool IsWanted(HashSet<EntityType> types, string name) => GraphSchema.TryParseEntityType(name, out var type) && types.Contains(type);

    private static string CommunityKey(GraphCommunitySummary summary) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"community:{summary.Level}:{summary.Id}");

    // A chunk's graph context: its path, or (a question entity no path starts from) the entity alone.
    private static GraphContextRecord Context(GraphRouteHit hit, bool withPath) => hit.Path is { } path
        ? GraphContexts.Of(path, withPath)
        : new GraphContextRecord([hit.Entity!.ToRef()], [], null);

    private static GraphSearchHit ChunkHit(string dataset, SearchHit hit, double score, string source, GraphContextRecord? context) => new()
    {
        DatasetId = dataset,
        DocumentId = hit.DocumentId,
        ChunkId = hit.ChunkId,
        Title = hit.Title,
        Content = hit.Text,
        Score = score,
        Source = source,
        GraphContext = context,
    };

    private static GraphSearchHit CommunityHit(string dataset, GraphCommunitySummary summary, double score) => new()
    {
        DatasetId = dataset,
        Title = summary.Title,
        Content = summary.Text,
        Score = score,
        Source = GraphResultSources.Community,
        GraphContext = new GraphContextRecord(summary.Entities, [], null),
    };
}
