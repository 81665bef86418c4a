using Chatbot.Agents;
using Chatbot.Agents.Hosting;
using Chatbot.AI.Conversations;
using Chatbot.Conversations;
using Chatbot.Gateway.Http;
using Chatbot.Tools;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Agents;

/// <summary>Checks an agent request at the edge, before anything reaches a grain; each failure names its field.</summary>
internal static class AgentRequestValidator
{
    /// <summary>The specification's tool names (section 3.5) and the platform tools they stand for.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["filesystem"] = "files",
        ["http"] = "http_get",
        ["database"] = "sql_query",
        ["translation"] = "translate",
    };

    /// <summary>The validated run request, or the problem with <paramref name="body"/>.</summary>
    public static (AgentRunRequest? Request, ValidationProblem? Problem) Validate(
        AgentExecuteRequest body, string userId, IReadOnlyList<ToolDescriptor> knownTools, AgentsOptions defaults, ConversationOptions limits)
    {
        if (string.IsNullOrWhiteSpace(body.Task))
        {
            return Fail("task", "task is required and must not be empty.");
        }

        if (body.Task.Length > limits.MaxMessageChars)
        {
            return Fail("task", $"task is longer than {limits.MaxMessageChars} characters.");
        }

        var config = body.AgentConfig ?? new AgentConfigDto();
        if (config.MaxIterations is < 1 or > 20)
        {
            return Fail("agent_config.max_iterations", "agent_config.max_iterations must be between 1 and 20.");
        }

        if (config.ConfidenceThreshold is < 0 or > 1 || config.ConfidenceThreshold is { } t && double.IsNaN(t))
        {
            return Fail("agent_config.confidence_threshold", "agent_config.confidence_threshold must be between 0 and 1.");
        }

        for (var i = 0; i < config.Capabilities?.Count; i++)
        {
            if (!AgentCapabilities.IsKnown(config.Capabilities[i]))
            {
                return Fail($"agent_config.capabilities[{i}]",
                    $"agent_config.capabilities[{i}] '{config.Capabilities[i]}' is unknown; use {string.Join(", ", AgentCapabilities.All)}.");
            }
        }

        List<string>? tools = null;
        if (body.Tools is not null)
        {
            tools = [];
            for (var i = 0; i < body.Tools.Count; i++)
            {
                var name = body.Tools[i] is { } requested && Aliases.TryGetValue(requested, out var alias) ? alias : body.Tools[i];
                if (name is null || !knownTools.Any(t => t.Name == name))
                {
                    return Fail($"tools[{i}]", $"tools[{i}] '{body.Tools[i]}' is not a tool of this tenant; known: {string.Join(", ", knownTools.Select(t => t.Name))}.");
                }

                if (!tools.Contains(name, StringComparer.Ordinal))
                {
                    tools.Add(name);
                }
            }
        }

        var format = body.OutputFormat ?? AgentOutputFormats.Markdown;
        if (!AgentOutputFormats.All.Contains(format, StringComparer.Ordinal))
        {
            return Fail("output_format", $"output_format must be one of {string.Join(", ", AgentOutputFormats.All)}.");
        }

        if (body.ConversationId is not null && !ConversationKey.IsValidId(body.ConversationId))
        {
            return Fail("conversation_id", $"conversation_id must be 1–{ConversationKey.MaxIdLength} printable characters without '/'.");
        }

        return (new AgentRunRequest
        {
            Task = body.Task,
            Capabilities = config.Capabilities is { } capabilities ? [.. capabilities.Distinct(StringComparer.Ordinal)] : AgentCapabilities.All,
            MaxIterations = config.MaxIterations ?? defaults.DefaultMaxIterations,
            ConfidenceThreshold = config.ConfidenceThreshold ?? defaults.DefaultConfidenceThreshold,
            Tools = tools,
            OutputFormat = format,
            UserId = userId,
            ConversationId = body.ConversationId,
        }, null);
    }

    private static (AgentRunRequest?, ValidationProblem?) Fail(string field, string message) => (null, Problems.BadField(field, message));
}
