namespace Chatbot.Voice;

/// <summary>Codes of voice <see cref="VoiceEventTypes.Error"/> events.</summary>
public static class VoiceErrorCodes
{
    /// <summary>A message is not JSON, or a field has the wrong JSON type.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>The message's <c>type</c> is missing or unknown.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>A field has a value the session does not accept (the event names it).</summary>
    public const string InvalidField = "invalid_field";

    /// <summary>Audio or text arrived before a <c>start</c> message.</summary>
    public const string NotStarted = "not_started";

    /// <summary>A second <c>start</c> in one session.</summary>
    public const string AlreadyStarted = "already_started";

    /// <summary>The codec or sample rate is not supported (the event names <c>codec</c> or <c>sample_rate</c>).</summary>
    public const string UnsupportedFormat = "unsupported_format";

    /// <summary>The language cannot be recognized by the configured engine.</summary>
    public const string UnsupportedLanguage = "unsupported_language";

    /// <summary>An audio payload is not valid base64, or not valid for the codec.</summary>
    public const string InvalidAudio = "invalid_audio";

    /// <summary>A message is larger than <c>Chatbot:Voice:Stream:MaxMessageBytes</c>; the session is closed.</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>No message arrived for <c>Chatbot:Voice:Stream:IdleTimeoutSeconds</c>; the session is closed.</summary>
    public const string IdleTimeout = "idle_timeout";

    /// <summary>The conversation is answering another turn (for example one typed elsewhere).</summary>
    public const string ConversationBusy = "conversation_busy";

    /// <summary>Speech recognition failed for an utterance; the session goes on.</summary>
    public const string AsrError = "asr_error";

    /// <summary>Speech synthesis failed for an answer; its text was still sent.</summary>
    public const string TtsError = "tts_error";

    /// <summary>The client does not read the session's messages fast enough; the session ends.</summary>
    public const string ClientTooSlow = "client_too_slow";

    /// <summary>Voice is turned off on the silos (<c>Chatbot:Voice:Enabled</c>).</summary>
    public const string VoiceUnavailable = "voice_unavailable";

    /// <summary>The session was lost (its silo failed) or could not go on; start a new one.</summary>
    public const string SessionFailed = "session_failed";
}
