using System.Text.Json;
using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.Knowledge;

/// <summary>
/// <c>knowledge_search</c>: searches the tenant's documents through an <see cref="IKnowledgeSearcher"/> and
/// returns numbered passages with their sources, so the model can cite them as [n]. Retrieved text is data: wrap
/// it with the safety library's <c>ContextDelimiter</c> before it reaches a prompt. Thread-safe.
/// </summary>
public sealed class KnowledgeSearchTool(IKnowledgeSearcher searcher) : IAgentTool
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "knowledge_search";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "query": { "type": "string", "minLength": 1, "maxLength": 1000, "description": "What to look for." },
            "top_k": { "type": "integer", "minimum": 1, "maximum": 20, "description": "Passages to return (default 5)." },
            "dataset_id": { "type": "string", "maxLength": 200, "description": "Search only this knowledge base." }
          },
          "required": ["query"],
          "additionalProperties": false
        }
        """;

    /// <inheritdoc />
    public ToolDefinition Definition { get; } = new(
        ToolName,
        "Search the organisation's documents and knowledge bases. Returns numbered passages with sources; cite them as [n].",
        ToolDefinition.ParseSchema(Schema),
        TimeSpan.FromSeconds(30),
        maxResultChars: 30_000);

    /// <inheritdoc />
    public async ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        var query = arguments.GetProperty("query").GetString()!;
        var topK = arguments.TryGetProperty("top_k", out var k) ? (int)k.GetDouble() : 5;
        var dataset = arguments.TryGetProperty("dataset_id", out var d) ? d.GetString() : null;
        var hits = await searcher.SearchAsync(query, topK, dataset, context, cancellationToken);
        return ToolResult.Success(JsonSerializer.Serialize(new
        {
            query,
            results = hits.Take(topK).Select((h, i) => new { n = i + 1, source = h.Source, score = Math.Round(h.Score, 4), content = h.Content }),
        }));
    }
}
