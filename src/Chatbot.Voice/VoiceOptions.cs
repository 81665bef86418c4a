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
}
