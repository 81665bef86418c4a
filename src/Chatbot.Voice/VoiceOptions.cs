using System.ComponentModel.DataAnnotations;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Vad;

namespace Chatbot.Voice;

/// <summary>Speech settings of a silo, bound to <c>Chatbot:Voice</c> and validated at start-up.</summary>
public sealed class VoiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chatbot:Voice";

    /// <summary>
    /// Voice sessions on this silo. Default true: start-up then checks the engines' packages (pocketsphinx models,
    /// espeak-ng). False skips those checks, and sessions are refused with <c>voice_unavailable</c>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Speech recognition.</summary>
    public AsrOptions Asr { get; set; } = new();

    /// <summary>Speech synthesis.</summary>
    public TtsOptions Tts { get; set; } = new();

    /// <summary>Voice activity detection defaults; a session's <c>start.vad</c> may override the durations.</summary>
    public VadOptions Vad { get; set; } = new();

    /// <summary>
    /// Engine work running at once on this silo (1–256): pocketsphinx decoding calls and espeak-ng processes. Each takes
    /// a core while it runs. Default: the processor count.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentNativeCalls { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Longest utterance a recognizer buffers, in seconds (1–600); a longer one fails, so a session should end the
    /// utterance before. Default 30.
    /// </summary>
    [Range(1, 600)]
    public int MaxSessionBufferSeconds { get; set; } = 30;

    /// <summary>
    /// How far, in milliseconds (20–10,000), an answer's audio is sent ahead of its real-time playback: the client's
    /// buffer against network jitter. Less makes barge-in discard less and <c>played_ms</c> more exact. Default 400.
    /// </summary>
    [Range(20, 10_000)]
    public int PlaybackLeadMs { get; set; } = 400;

    /// <summary>Audio in one PCM16 <c>tts_chunk</c>, in milliseconds (20–1,000); Opus chunks are one 20 ms packet. Default 100.</summary>
    [Range(20, 1_000)]
    public int PcmChunkMs { get; set; } = 100;

    /// <summary>
    /// Words (0–200,000) of a tenant's documents and past questions a session's domain language model is built from;
    /// 0 recognizes with the general model only. More words cover more of the documents but take longer to build the
    /// first time (a domain is built once per content and cached). Default 20,000.
    /// </summary>
    [Range(0, 200_000)]
    public int DomainMaxWords { get; set; } = 20_000;
}
