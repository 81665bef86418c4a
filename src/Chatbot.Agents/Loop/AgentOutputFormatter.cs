using System.Text.Json;
using System.Text.RegularExpressions;

namespace Chatbot.Agents.Loop;

/// <summary>Renders a run's answer in the requested <see cref="AgentOutputFormats"/> value. Stateless and thread-safe.</summary>
public static partial class AgentOutputFormatter
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <paramref name="answer"/> (Markdown) as <paramref name="format"/>: unchanged for <c>markdown</c>, without Markdown
    /// marks for <c>text</c>, and for <c>json</c> an object with the plain answer, the confidence and the tool calls.
    /// </summary>
    public static string Format(string answer, IReadOnlyList<AgentObservation> observations, string format, double confidence) => format switch
    {
        AgentOutputFormats.Text => PlainText(answer),
        AgentOutputFormats.Json => JsonSerializer.Serialize(new
        {
            answer = PlainText(answer),
            confidence = Math.Round(confidence, 4),
            tool_calls = observations.Select(o => new { tool = o.Tool, @params = Parse(o.ParamsJson), ok = !o.IsError }),
        }, s_json),
        _ => answer,
    };

    /// <summary><paramref name="markdown"/> without emphasis, heading and list marks.</summary>
    public static string PlainText(string markdown) =>
        ListOrHeading().Replace(markdown.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal), "");

    private static JsonElement? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?:\s*[-*+]\s+|\s*#{1,6}\s+)", RegexOptions.Multiline)]
    private static partial Regex ListOrHeading();
}
