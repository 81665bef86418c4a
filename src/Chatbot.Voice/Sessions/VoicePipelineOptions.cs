using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Vad;

namespace Chatbot.Voice.Sessions;

/// <summary>How one <see cref="VoicePipeline"/> works: the session's format, detection, engines' options and limits. Immutable.</summary>
public sealed record VoicePipelineOptions
{
    /// <summary>The wire format of the client's audio and of the answer's.</summary>
    public required AudioFormat Format { get; init; }

    /// <summary>
    /// Voice activity detection; null turns it off: everything the client sends until the end of input is one
    /// utterance, and speaking cannot interrupt an answer.
    /// </summary>
    public VadOptions? Vad { get; init; } = new();

    /// <summary>The recognizer's domain and language.</summary>
    public RecognitionOptions Recognition { get; init; } = RecognitionOptions.General;

    /// <summary>The synthesizer's voice; null for the configured one.</summary>
    public string? Voice { get; init; }

    /// <summary>Prefix of the turn ids (<c>{prefix}-1</c>, <c>{prefix}-2</c> …): the session id, so turn ids are unique.</summary>
    public required string TurnIdPrefix { get; init; }

    /// <summary>Longest utterance; a longer one is cut there and recognized as if the speaker had paused.</summary>
    public TimeSpan MaxUtterance { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far the answer's audio may run ahead of real-time playback: the client's buffer. More survives network
    /// jitter; less makes <c>played_ms</c> exact and barge-in discard less. <see cref="Timeout.InfiniteTimeSpan"/> sends
    /// audio as fast as it is made.
    /// </summary>
    public TimeSpan PlaybackLead { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Audio of one PCM16 <c>tts_chunk</c> (Opus chunks are one 20 ms packet each).</summary>
    public TimeSpan PcmChunkDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Audio before the detected onset that recognition also hears (the soft start of a first word).</summary>
    public TimeSpan Preroll { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Events waiting for the client beyond which the session gives up on it (<c>client_too_slow</c>).</summary>
    public int MaxQueuedEvents { get; init; } = 4096;
}
