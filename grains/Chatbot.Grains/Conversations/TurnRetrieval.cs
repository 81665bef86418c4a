using Chatbot.Conversations;
using Chatbot.Knowledge;

namespace Chatbot.Grains.Conversations;

/// <summary>
/// Retrieval for one turn over the datasets it names: hybrid search, or for a <c>use_graph_rag</c> turn the
/// hybrid+graph route (<see cref="IKnowledgeSearchGrain.SearchGraphAsync"/>), whose best paths come along. Datasets are
/// searched in parallel and their results merged by score.
/// </summary>
internal static class TurnRetrieval
{
    // Paths offered to the model: the best and two alternatives.
    private const int MaxPaths = 3;

    public static async Task<RetrievedKnowledge> RetrieveAsync(IGrainFactory grains, string tenant, TurnRequest request, int topK, int maxHops)
    {
        var datasets = request.DatasetIds is { Count: > 0 } ids ? ids : [DatasetKey.DefaultDataset];
        var searches = datasets.Select(d => grains.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(tenant, d))).ToList();
        if (!request.UseGraphRag)
        {
            var results = await Task.WhenAll(searches.Select(s => s.SearchAsync(new SearchQuery { Text = request.Content, Mode = SearchModes.Hybrid, TopK = topK })));
            return new RetrievedKnowledge(results.SelectMany(r => r).OrderByDescending(h => h.Score).Take(topK).ToList(), []);
        }

        var responses = await Task.WhenAll(searches.Select(s => s.SearchGraphAsync(new GraphSearchRequest
        {
            Query = request.Content,
            SearchType = GraphSearchTypes.Hybrid,
            MaxHops = maxHops,
            TopK = topK,
        })));
        var hits = responses.SelectMany(r => r.Hits)
            .Where(h => h.ChunkId is not null)
            .OrderByDescending(h => h.Score)
            .Take(topK)
            .Select(h => new SearchHit
            {
                DatasetId = h.DatasetId, DocumentId = h.DocumentId!, ChunkId = h.ChunkId!, Title = h.Title, Text = h.Content, Score = h.Score,
            })
            .ToList();
        var paths = responses.SelectMany(r => r.Paths).OrderByDescending(p => p.Score).Take(MaxPaths).ToList();

        // A sentence stating a path step whose passage did not make the cut still grounds the path, as a source of its own.
        var datasetOf = responses.SelectMany((r, i) => r.Paths.Select(p => (p, datasets[i]))).ToDictionary(x => x.p, x => x.Item2);
        foreach (var path in paths)
        {
            foreach (var evidence in path.Steps.Select(s => s.Evidence.FirstOrDefault(e => e.Text.Length > 0)).OfType<GraphEvidenceRecord>())
            {
                if (!hits.Exists(h => h.ChunkId == evidence.ChunkId))
                {
                    hits.Add(new SearchHit
                    {
                        DatasetId = datasetOf[path], DocumentId = evidence.DocumentId, ChunkId = evidence.ChunkId, Title = evidence.DocumentId,
                        Text = evidence.Text,
                    });
                }
            }
        }

        return new RetrievedKnowledge(hits, paths);
    }
}
