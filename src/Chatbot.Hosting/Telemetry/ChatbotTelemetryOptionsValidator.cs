using Microsoft.Extensions.Configuration;

namespace Chatbot.Hosting.Telemetry;

/// <summary>Start-up checks of <see cref="ChatbotTelemetryOptions"/>; each message names the setting at fault.</summary>
public static class ChatbotTelemetryOptionsValidator
{
    /// <summary>Reads the <c>Chatbot:Telemetry</c> section and throws <see cref="InvalidOperationException"/> listing every problem.</summary>
    /// <param name="configuration">The process's configuration.</param>
    public static ChatbotTelemetryOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(ChatbotTelemetryOptions.SectionName).Get<ChatbotTelemetryOptions>() ?? new ChatbotTelemetryOptions();
        var failures = Validate(options);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", failures));
        }

        return options;
    }

    /// <summary>All problems with <paramref name="options"/>; empty when valid.</summary>
    /// <param name="options">The options to check.</param>
    public static List<string> Validate(ChatbotTelemetryOptions options)
    {
        const string section = ChatbotTelemetryOptions.SectionName + ":Otlp";
        var failures = new List<string>();
        if (options.Otlp.Protocol is not (OtlpProtocols.HttpProtobuf or OtlpProtocols.Grpc))
        {
            failures.Add($"{section}:Protocol must be '{OtlpProtocols.HttpProtobuf}' or '{OtlpProtocols.Grpc}', not '{options.Otlp.Protocol}'.");
        }

        if (options.Otlp.Endpoint is { Length: > 0 } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"{section}:Endpoint must be an absolute http(s) URL such as http://localhost:4318, not '{endpoint}'.");
        }

        return failures;
    }
}
