using System.Text.Json;
using Chatbot.Tools.Invocation;

namespace Chatbot.Tools.Weather;

/// <summary><c>weather</c>: current conditions for a place from the configured weather API. Thread-safe.</summary>
public sealed class WeatherTool(WeatherToolOptions options, HttpClient httpClient) : IAgentTool
{
    /// <summary>The tool's name.</summary>
    public const string ToolName = "weather";

    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "location": { "type": "string", "minLength": 1, "maxLength": 200, "description": "City, optionally with country code, e.g. 'Shanghai,CN'." }
          },
          "required": ["location"],
          "additionalProperties": false
        }
        """;

    /// <inheritdoc />
    public ToolDefinition Definition { get; } = new(
        ToolName,
        "Get the current weather for a city: conditions, temperature, humidity and wind.",
        ToolDefinition.ParseSchema(Schema),
        TimeSpan.FromSeconds(15),
        maxResultChars: 4000);

    /// <inheritdoc />
    public async ValueTask<ToolResult> InvokeAsync(JsonElement arguments, ToolInvocationContext context, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw ToolException.NotConfigured(ToolName, $"{WeatherToolOptions.SectionName}:Endpoint and {WeatherToolOptions.SectionName}:ApiKey");
        }

        var location = arguments.GetProperty("location").GetString()!;
        var query = $"q={Uri.EscapeDataString(location)}&units={Uri.EscapeDataString(options.Units)}&appid={Uri.EscapeDataString(options.ApiKey)}";
        var uri = new UriBuilder(endpoint) { Query = string.IsNullOrEmpty(endpoint.Query) ? query : $"{endpoint.Query.TrimStart('?')}&{query}" }.Uri;
        using var document = await RemoteJson.GetAsync(httpClient, uri, _ => { }, "The weather service", cancellationToken);
        var root = document.RootElement;
        var main = RemoteJson.Value(root, "main");
        var wind = RemoteJson.Value(root, "wind");
        var conditions = RemoteJson.Value(root, "weather") is { ValueKind: JsonValueKind.Array } list
            ? string.Join(", ", list.EnumerateArray().Select(w => RemoteJson.Text(w, "description")).OfType<string>())
            : null;
        return ToolResult.Success(JsonSerializer.Serialize(new
        {
            location = RemoteJson.Text(root, "name") ?? location,
            conditions,
            temperature = main is { } m ? RemoteJson.Value(m, "temp") : null,
            feels_like = main is { } f ? RemoteJson.Value(f, "feels_like") : null,
            humidity_percent = main is { } h ? RemoteJson.Value(h, "humidity") : null,
            wind_speed = wind is { } w2 ? RemoteJson.Value(w2, "speed") : null,
            units = options.Units,
        }));
    }
}
