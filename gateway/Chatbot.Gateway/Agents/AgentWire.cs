using System.Text.Json;
using Chatbot.Agents;
using Chatbot.Conversations;
using Chatbot.Gateway.Http;

namespace Chatbot.Gateway.Agents;

/// <summary>
/// An agent event on the wire: <c>{"type":"tool_call","seq":3,"tool":…,"params":{…},"result":…,"allowed":true}</c>.
/// Parameters and JSON results are embedded as JSON, not as strings.
/// </summary>
public sealed record AgentEventDto
{
    public required string Type { get; init; }

    public long Seq { get; init; }

    public int? Iteration { get; init; }

    public IReadOnlyList<AgentPlanStep>? Steps { get; init; }

    public IReadOnlyList<string>? Chain { get; init; }

    public string? Tool { get; init; }

    public JsonElement? Params { get; init; }

    public JsonElement? Result { get; init; }

    public string? Error { get; init; }

    public bool? Allowed { get; init; }

    public string? Reason { get; init; }

    public string? Content { get; init; }

    public double? Confidence { get; init; }

    public TokenUsage? Usage { get; init; }

    public AgentRunOutcome? Summary { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>The wire form of <paramref name="e"/>.</summary>
    public static AgentEventDto From(AgentEvent e) => new()
    {
        Type = e.Type,
        Seq = e.Seq,
        Iteration = e.Iteration == 0 ? null : e.Iteration,
        Steps = e.Steps,
        Chain = e.Chain,
        Tool = e.Tool,
        Params = e.ParamsJson is { } p ? Json(p) ?? JsonSerializer.SerializeToElement(p) : null,
        Result = e.ToolResult is { } r ? Json(r) ?? JsonSerializer.SerializeToElement(r) : null,
        Error = e.ToolError,
        Allowed = e.Allowed,
        Reason = e.Reason,
        Content = e.Content,
        Confidence = e.Confidence,
        Usage = e.Usage,
        Summary = e.Summary,
        Code = e.Code,
        Message = e.Message,
    };

    /// <summary>The SSE data of <paramref name="e"/>.</summary>
    public static string Serialize(AgentEvent e) => JsonSerializer.Serialize(From(e), GatewayJson.Events);

    // Tool results are usually JSON objects: embed them; anything else stays a string.
    private static JsonElement? Json(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is not ('{' or '['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>An agent run as <c>GET /api/v1/agent/runs/{id}</c> and a non-streamed execute return it.</summary>
public sealed record AgentRunDto(
    string RunId,
    string Task,
    AgentRunStatus Status,
    string? Result,
    double? Confidence,
    AgentConfigDto AgentConfig,
    IReadOnlyList<string>? Tools,
    string OutputFormat,
    string? ConversationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AgentEventDto> Events)
{
    /// <summary>The wire form of <paramref name="run"/>.</summary>
    public static AgentRunDto From(AgentRunSnapshot run) => new(
        run.RunId,
        run.Request.Task,
        run.Status,
        run.Result,
        run.Confidence,
        new AgentConfigDto
        {
            Capabilities = [.. run.Request.Capabilities],
            MaxIterations = run.Request.MaxIterations,
            ConfidenceThreshold = run.Request.ConfidenceThreshold,
        },
        run.Request.Tools,
        run.Request.OutputFormat,
        run.Request.ConversationId,
        run.CreatedAt,
        run.UpdatedAt,
        [.. run.Events.Select(AgentEventDto.From)]);
}

/// <summary>A page of the user's past runs (episodic memory).</summary>
public sealed record AgentRunPage(int Total, IReadOnlyList<AgentRunSummary> Items);
