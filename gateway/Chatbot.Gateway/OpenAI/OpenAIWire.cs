using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.Gateway.OpenAI;

// The OpenAI chat-completions wire format, as far as the platform speaks it. Names are already snake_case.

internal sealed record CompletionRequest
{
    public string? Model { get; init; }
    public List<CompletionMessage>? Messages { get; init; }
    public bool? Stream { get; init; }
    public float? Temperature { get; init; }
    public StreamOptions? StreamOptions { get; init; }
    public string? User { get; init; }
}

internal sealed record StreamOptions
{
    public bool? IncludeUsage { get; init; }
}

internal sealed record CompletionMessage
{
    public string? Role { get; init; }

    /// <summary>A string, or an array of content parts of which the <c>text</c> parts are used.</summary>
    public JsonElement Content { get; init; }

    public string? Text() => Content.ValueKind switch
    {
        JsonValueKind.String => Content.GetString(),
        JsonValueKind.Array => string.Concat(Content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("type", out var t) && t.ValueEquals("text"))
            .Select(p => p.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : "")),
        _ => null,
    };
}

internal sealed record CompletionChunk(
    string Id,
    string Object,
    long Created,
    string Model,
    IReadOnlyList<ChunkChoice> Choices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CompletionUsage? Usage = null);

internal sealed record ChunkChoice(int Index, ChunkDelta Delta, object? Logprobs, string? FinishReason);

internal sealed record ChunkDelta(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content = null);

internal sealed record Completion(
    string Id, string Object, long Created, string Model, IReadOnlyList<CompletionChoice> Choices, CompletionUsage Usage);

internal sealed record CompletionChoice(int Index, AssistantMessage Message, object? Logprobs, string FinishReason);

internal sealed record AssistantMessage(string Role, string Content);

internal sealed record CompletionUsage(long PromptTokens, long CompletionTokens, long TotalTokens);

internal sealed record ModelList(string Object, IReadOnlyList<ModelCard> Data);

internal sealed record ModelCard(string Id, string Object, long Created, string OwnedBy);

internal sealed record ErrorBody(ErrorDetail Error);

internal sealed record ErrorDetail(string Message, string Type, string? Param, string? Code);
