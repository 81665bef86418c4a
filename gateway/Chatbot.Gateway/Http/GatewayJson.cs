using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.Gateway.Http;

/// <summary>The API's JSON conventions: snake_case names, enums as snake_case strings, nulls left out of events.</summary>
internal static class GatewayJson
{
    /// <summary>Applies the conventions to <paramref name="options"/> (used for the HTTP JSON options too).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        // Answers are mostly non-ASCII text (Chinese); keep it readable instead of escaping every character as \u sequences.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    /// <summary>Options for request bodies and responses.</summary>
    public static JsonSerializerOptions Api { get; } = Create(JsonIgnoreCondition.Never);

    /// <summary>Options for SSE event payloads: compact, without null fields.</summary>
    public static JsonSerializerOptions Events { get; } = Create(JsonIgnoreCondition.WhenWritingNull);

    private static JsonSerializerOptions Create(JsonIgnoreCondition ignore)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = ignore };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
