using Chatbot.Knowledge;
using Chatbot.Tools.Invocation;
using Chatbot.Tools.Knowledge;

namespace Chatbot.Grains.Knowledge;

/// <summary>
/// The <c>knowledge_search</c> tool's searcher over the knowledge grains: hybrid search of one dataset (the tenant's
/// <c>default</c> when none is named) of the calling tenant only. Thread-safe.
/// </summary>
public sealed class GrainKnowledgeSearcher(IGrainFactory grains) : IKnowledgeSearcher
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<KnowledgeHit>> SearchAsync(
        string query, int topK, string? datasetId, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var dataset = datasetId is { Length: > 0 } id && DatasetKey.IsValidDataset(id) ? id : DatasetKey.DefaultDataset;
        var hits = await grains.GetGrain<IKnowledgeSearchGrain>(DatasetKey.Format(context.TenantId, dataset))
            .SearchAsync(new SearchQuery { Text = query, Mode = SearchModes.Hybrid, TopK = topK }, cancellationToken);
        return [.. hits.Select(h => new KnowledgeHit(h.Text, h.Section.Length > 0 ? $"{h.Title} — {h.Section}" : h.Title, h.Score))];
    }
}
