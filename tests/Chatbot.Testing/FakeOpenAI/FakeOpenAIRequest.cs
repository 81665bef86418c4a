using System.Text.Json;

namespace Chatbot.Testing.FakeOpenAI;

/// <summary>A chat-completions request as <see cref="FakeOpenAIServer"/> received it.</summary>
public sealed class FakeOpenAIRequest
{
    internal FakeOpenAIRequest(string path, string? authorization, string body)
    {
        Path = path;
        Authorization = authorization;
        Body = body;
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Model = root.TryGetProperty("model", out var model) ? model.GetString() : null;
        Stream = root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;
        IncludeUsage = root.TryGetProperty("stream_options", out var streamOptions)
            && streamOptions.TryGetProperty("include_usage", out var includeUsage)
            && includeUsage.ValueKind == JsonValueKind.True;
        Temperature = root.TryGetProperty("temperature", out var temperature) ? temperature.GetDouble() : null;
        ToolNames = root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array
            ? [.. tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)]
            : [];
        Messages = root.TryGetProperty("messages", out var messages)
            ? [.. messages.EnumerateArray().Select(m => new FakeMessage(m.GetProperty("role").GetString()!, TextOf(m)))]
            : [];
    }

    /// <summary>Request path, e.g. <c>/v1/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>The <c>Authorization</c> header, e.g. <c>Bearer sk-test</c>.</summary>
    public string? Authorization { get; }

    /// <summary>The JSON body as sent.</summary>
    public string Body { get; }

    /// <summary>The <c>model</c> field.</summary>
    public string? Model { get; }

    /// <summary>The <c>stream</c> field.</summary>
    public bool Stream { get; }

    /// <summary>True when <c>stream_options.include_usage</c> asked for a usage chunk.</summary>
    public bool IncludeUsage { get; }

    /// <summary>The <c>temperature</c> field, when sent.</summary>
    public double? Temperature { get; }

    /// <summary>Names of the functions declared in <c>tools</c>.</summary>
    public IReadOnlyList<string> ToolNames { get; }

    /// <summary>The <c>messages</c>, with multi-part content joined into one text.</summary>
    public IReadOnlyList<FakeMessage> Messages { get; }

    private static string TextOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(p => p.TryGetProperty("text", out _))
                .Select(p => p.GetProperty("text").GetString())),
            _ => "",
        };
    }
}

/// <summary>One message of a recorded request.</summary>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Content">The message text.</param>
public sealed record FakeMessage(string Role, string Content);
