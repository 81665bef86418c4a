using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.Benchmarks.Streaming;

/// <summary>The gateway's JSON conventions (snake_case, relaxed escaping, nulls left out of events), for the baseline
/// server and the client's request bodies.</summary>
internal static class StreamingJson
{
    /// <summary>Request bodies.</summary>
    public static JsonSerializerOptions Api { get; } = Create(JsonIgnoreCondition.Never);

    /// <summary>SSE event payloads.</summary>
    public static JsonSerializerOptions Events { get; } = Create(JsonIgnoreCondition.WhenWritingNull);

    /// <summary>Applies the conventions to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }

    private static JsonSerializerOptions Create(JsonIgnoreCondition ignore)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = ignore };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
