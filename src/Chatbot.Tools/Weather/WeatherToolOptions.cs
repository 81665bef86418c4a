namespace Chatbot.Tools.Weather;

/// <summary>
/// Settings of the <c>weather</c> tool (<c>Chatbot:Tools:Weather</c>): an OpenWeatherMap-compatible "current
/// weather" endpoint, called as <c>GET {Endpoint}?q={location}&amp;units={Units}&amp;appid={ApiKey}</c>. Without both
/// endpoint and key the tool answers "not configured".
/// </summary>
public sealed class WeatherToolOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Tools:Weather";

    /// <summary>The endpoint, e.g. <c>https://api.openweathermap.org/data/2.5/weather</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key sent as <c>appid</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>metric</c> (default), <c>imperial</c> or <c>standard</c>.</summary>
    public string Units { get; set; } = "metric";
}
