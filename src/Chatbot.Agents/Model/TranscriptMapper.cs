using System.Text.Json;
using Chatbot.Conversations;
using Chatbot.Safety.Context;
using Microsoft.Extensions.AI;

namespace Chatbot.Agents.Model;

/// <summary>
/// Between the stored transcript of a model-driven run (<see cref="AgentTranscriptEntry"/>, serialisable across silos)
/// and Microsoft.Extensions.AI messages. Tool results are wrapped in the call's <see cref="ContextFrame"/>, so that
/// whatever a document, page or server returned reaches the model as data. Stateless and thread-safe.
/// </summary>
public static class TranscriptMapper
{
    /// <summary>Transcript roles.</summary>
    public const string User = "user";

    /// <summary>An assistant message, possibly with tool calls.</summary>
    public const string Assistant = "assistant";

    /// <summary>A tool result.</summary>
    public const string Tool = "tool";

    /// <summary>The model messages for <paramref name="transcript"/>, tool results wrapped in <paramref name="frame"/>.</summary>
    public static IEnumerable<ChatMessage> ToMessages(IReadOnlyList<AgentTranscriptEntry> transcript, ContextFrame frame)
    {
        var tools = transcript.SelectMany(e => e.ToolCalls ?? []).ToDictionary(c => c.CallId, c => c.Tool, StringComparer.Ordinal);
        foreach (var entry in transcript)
        {
            switch (entry.Role)
            {
                case Assistant:
                    var contents = new List<AIContent>();
                    if (entry.Text.Length > 0)
                    {
                        contents.Add(new TextContent(entry.Text));
                    }

                    contents.AddRange((entry.ToolCalls ?? []).Select(c => new FunctionCallContent(c.CallId, c.Tool, Arguments(c.ArgumentsJson))));
                    yield return new ChatMessage(ChatRole.Assistant, contents);
                    break;
                case Tool:
                    var source = entry.ToolCallId is { } id && tools.TryGetValue(id, out var tool) ? tool : "tool";
                    yield return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(entry.ToolCallId ?? "", frame.Wrap(entry.Text, source))]);
                    break;
                default:
                    yield return new ChatMessage(ChatRole.User, entry.Text);
                    break;
            }
        }
    }

    /// <summary>The conversation history (short-term memory) as model messages.</summary>
    public static IEnumerable<ChatMessage> ToMessages(IReadOnlyList<ChatTurnMessage> history) =>
        history.Select(m => new ChatMessage(m.Role == ChatRoles.Assistant ? ChatRole.Assistant : ChatRole.User, m.Content));

    /// <summary>The assistant entry for <paramref name="response"/>: its text and its function calls.</summary>
    public static AgentTranscriptEntry FromResponse(ChatResponse response) => new(
        Assistant,
        response.Text,
        [.. response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => new AgentToolCallRecord(c.CallId, c.Name, JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions)))]);

    private static Dictionary<string, object?> Arguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
            : [];
    }
}
