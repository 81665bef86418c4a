using System.ComponentModel.DataAnnotations;

namespace Chatbot.Gateway.Voice;

/// <summary>Limits of the voice WebSocket at the gateway (<c>Chatbot:Voice:Stream</c>).</summary>
public sealed class VoiceStreamOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chatbot:Voice:Stream";

    /// <summary>
    /// Largest client message, in bytes (1,024–16,777,216); a larger one gets <c>message_too_large</c> and the socket is
    /// closed (1009). Default 131,072: over a second of 48 kHz PCM16 in base64.
    /// </summary>
    [Range(1_024, 16_777_216, ErrorMessage = "Chatbot:Voice:Stream:MaxMessageBytes must be between 1024 and 16777216.")]
    public int MaxMessageBytes { get; set; } = 131_072;

    /// <summary>
    /// Seconds (1–3,600) without a message from the client after which the session ends with <c>idle_timeout</c> and a
    /// clean close. A client streaming its microphone sends every 20 ms. Default 30.
    /// </summary>
    [Range(1, 3_600, ErrorMessage = "Chatbot:Voice:Stream:IdleTimeoutSeconds must be between 1 and 3600.")]
    public int IdleTimeoutSeconds { get; set; } = 30;
}
