using System.Text.Json.Serialization;

namespace Chatbot.Voice;

/// <summary>
/// One message a voice session sends its client. Which fields are set depends on <see cref="Type"/> (see
/// <see cref="VoiceEventTypes"/>); the rest are null. Times in milliseconds are positions in the client's audio stream
/// (the audio the session received so far, 20 ms per frame), so they do not depend on the network or the clock.
/// </summary>
[GenerateSerializer, Immutable, Alias("chatbot.VoiceEvent")]
public sealed record VoiceEvent
{
    /// <summary>One of <see cref="VoiceEventTypes"/>.</summary>
    [Id(0)] public required string Type { get; init; }

    /// <summary>Stream position when the event was sent, in milliseconds of received audio.</summary>
    [Id(1)] public long AtMs { get; init; }

    /// <summary>Transcript of <see cref="VoiceEventTypes.AsrPartial"/> and <see cref="VoiceEventTypes.AsrFinal"/>.</summary>
    [Id(2)] public string? Text { get; init; }

    /// <summary>Answer text of <see cref="VoiceEventTypes.LlmDelta"/>.</summary>
    [Id(3)] public string? Content { get; init; }

    /// <summary>
    /// The answer an event belongs to: the conversation turn's request id, usable with the conversation API
    /// (<c>/api/v1/conversations/{id}/stream</c>).
    /// </summary>
    [Id(4)] public string? TurnId { get; init; }

    /// <summary>Position of a <see cref="VoiceEventTypes.TtsChunk"/> among the session's audio chunks, from 1.</summary>
    [Id(5)] public long? Seq { get; init; }

    /// <summary>Encoded audio of a <see cref="VoiceEventTypes.TtsChunk"/> (one Opus packet, or PCM16 little-endian bytes); base64 in JSON.</summary>
    [Id(6)] public byte[]? Chunk { get; init; }

    /// <summary>Duration of a <see cref="VoiceEventTypes.TtsChunk"/>'s audio.</summary>
    [Id(7)] public double? DurationMs { get; init; }

    /// <summary>Where a <see cref="VoiceEventTypes.TtsChunk"/> starts within its answer's audio.</summary>
    [Id(8)] public double? OffsetMs { get; init; }

    /// <summary>
    /// For <see cref="VoiceEventTypes.Interrupted"/>: how much of the answer's audio the client had played, estimated
    /// as the audio sent, at most the time since the first chunk (the client plays it as it arrives).
    /// </summary>
    [Id(9)] public double? PlayedMs { get; init; }

    /// <summary>For <see cref="VoiceEventTypes.Interrupted"/>: how much of the answer's audio had been sent.</summary>
    [Id(10)] public double? SentMs { get; init; }

    /// <summary>Stream position where the utterance began (<see cref="VoiceEventTypes.AsrFinal"/>, and a spoken <see cref="VoiceEventTypes.Interrupted"/>).</summary>
    [Id(11)] public long? OnsetMs { get; init; }

    /// <summary>Stream position where the utterance's last voiced frame ended (<see cref="VoiceEventTypes.AsrFinal"/>).</summary>
    [Id(12)] public long? EndMs { get; init; }

    /// <summary>Machine-readable code of an <see cref="VoiceEventTypes.Error"/> (see <see cref="VoiceErrorCodes"/>).</summary>
    [Id(13)] public string? Code { get; init; }

    /// <summary>Human-readable message of an <see cref="VoiceEventTypes.Error"/>.</summary>
    [Id(14)] public string? Message { get; init; }

    /// <summary>The client message field an <see cref="VoiceEventTypes.Error"/> is about (<c>codec</c>, <c>vad.min_speech_ms</c> …), when one is.</summary>
    [Id(15)] public string? Field { get; init; }

    /// <summary>The session's conversation (<see cref="VoiceEventTypes.Ready"/>, <see cref="VoiceEventTypes.Done"/>).</summary>
    [Id(16)] public string? ConversationId { get; init; }

    /// <summary>The session's id (<see cref="VoiceEventTypes.Ready"/>).</summary>
    [Id(17)] public string? SessionId { get; init; }

    /// <summary>The session's codec, <c>opus</c> or <c>pcm16</c> (<see cref="VoiceEventTypes.Ready"/>).</summary>
    [Id(18)] public string? Codec { get; init; }

    /// <summary>The session's sample rate in hertz (<see cref="VoiceEventTypes.Ready"/>).</summary>
    [Id(19)] public int? SampleRate { get; init; }

    /// <summary>True on the <see cref="VoiceEventTypes.Done"/> of an answer resumed after an interruption that held no words.</summary>
    [Id(20)] public bool? Resumed { get; init; }

    /// <summary>True for an <see cref="VoiceEventTypes.Error"/> after which the session cannot go on.</summary>
    [JsonIgnore]
    public bool IsFatal => Type == VoiceEventTypes.Error && Code is VoiceErrorCodes.SessionFailed or VoiceErrorCodes.ClientTooSlow;

    /// <summary>An error event.</summary>
    public static VoiceEvent Failure(string code, string message, string? field = null, long atMs = 0) =>
        new() { Type = VoiceEventTypes.Error, Code = code, Message = message, Field = field, AtMs = atMs };
}
