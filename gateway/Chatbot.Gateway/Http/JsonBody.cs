using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.Gateway.Http;

/// <summary>Reads a JSON request body, turning malformed JSON into a 400 that names where it broke.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.BadField("body", "The body must be JSON (Content-Type: application/json)."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, GatewayJson.Api, cancellationToken);
            return value is null ? (null, Problems.BadField("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldName(ex.Path);
            return (null, Problems.BadField(field, $"Malformed JSON at '{field}': {FirstSentence(ex.Message)}"));
        }
    }

    // "$.messages[0].content" → "messages[0].content"; the root → "body".
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
