using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.Knowledge;

/// <summary>
/// Searches a tenant's knowledge bases for the <see cref="KnowledgeSearchTool"/>. The grain-backed implementation
/// (calling the knowledge-base grains with the context's tenant) lives with the grains; this library only formats
/// results for the model. Implementations are thread-safe and must never search another tenant's data.
/// </summary>
public interface IKnowledgeSearcher
{
    /// <summary>The best passages for <paramref name="query"/>, best first, at most <paramref name="topK"/>.</summary>
    /// <param name="query">What to look for, in the user's words.</param>
    /// <param name="topK">Most passages wanted (1–20).</param>
    /// <param name="datasetId">One knowledge base to search, or null for the tenant's default scope.</param>
    /// <param name="context">The caller; its <see cref="ToolInvocationContext.TenantId"/> bounds the search.</param>
    /// <param name="cancellationToken">Cancelled when the call times out or the caller gives up.</param>
    ValueTask<IReadOnlyList<KnowledgeHit>> SearchAsync(
        string query, int topK, string? datasetId, ToolInvocationContext context, CancellationToken cancellationToken);
}

/// <summary>One retrieved passage.</summary>
/// <param name="Content">The passage text.</param>
/// <param name="Source">Where it comes from (document name, URL), for citation.</param>
/// <param name="Score">Relevance; higher is better, comparable within one result list only.</param>
public sealed record KnowledgeHit(string Content, string Source, double Score);
