using System.Net.Http.Headers;
using System.Text.Json;

namespace Chatbot.Tools.Invocation;

/// <summary>GET a JSON document from an operator-configured API (weather, GitHub), mapping failures to <see cref="ToolException"/>.</summary>
internal static class RemoteJson
{
    private const int MaxBytes = 2 * 1024 * 1024;

    public static async Task<JsonDocument> GetAsync(
        HttpClient client, Uri uri, Action<HttpRequestHeaders> headers, string service, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        headers(request.Headers);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw new ToolException(ToolErrorCodes.Failed, $"The {service} response is larger than {MaxBytes} bytes.");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                throw code == 404
                    ? ToolException.InvalidArgument($"{service} found nothing at {uri.AbsolutePath} (HTTP 404).")
                    : new ToolException(ToolErrorCodes.Failed, $"{service} answered HTTP {code}: {Cut(body, 300)}");
            }

            return JsonDocument.Parse(body);
        }
        catch (HttpRequestException ex)
        {
            throw new ToolException(ToolErrorCodes.Failed, $"{service} could not be reached: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new ToolException(ToolErrorCodes.Failed, $"{service} did not return JSON.", ex);
        }
    }

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A property as-is, or null when absent.</summary>
    public static JsonElement? Value(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
