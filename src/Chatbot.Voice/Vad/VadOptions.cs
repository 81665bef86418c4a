using System.ComponentModel.DataAnnotations;

namespace Chatbot.Voice.Vad;

/// <summary>
/// When the voice activity detector says speech started and stopped (<c>Chatbot:Voice:Vad</c>; a session's <c>start</c>
/// message may override the two durations). Immutable.
/// </summary>
public sealed record VadOptions
{
    /// <summary>
    /// Voiced audio needed, in milliseconds (20–5,000), before it counts as the start of speech: clicks, bursts and
    /// coughs shorter than this never start an utterance. Default 250.
    /// </summary>
    [Range(20, 5_000)]
    public int MinSpeechMs { get; init; } = 250;

    /// <summary>Silence, in milliseconds (100–10,000), that ends an utterance: the end of the user's turn. Default 500.</summary>
    [Range(100, 10_000)]
    public int MinSilenceMs { get; init; } = 500;

    /// <summary>
    /// Quietest level that can be speech, in dBFS (-90 to -10, RMS of a 20 ms frame). Default -50: well under a voice
    /// close to a microphone, above dither and line hiss.
    /// </summary>
    [Range(-90, -10)]
    public double MinLevelDbfs { get; init; } = -50;

    /// <summary>How far above the adaptive noise floor a frame must be to be speech, in dB (0–40). Default 6.</summary>
    [Range(0, 40)]
    public double MarginDb { get; init; } = 6;

    /// <summary>
    /// Longest pause, in milliseconds (0–1,000), between voiced frames that still count towards <see cref="MinSpeechMs"/>.
    /// Default 200: the gaps between syllables.
    /// </summary>
    [Range(0, 1_000)]
    public int MaxOnsetGapMs { get; init; } = 200;

    /// <summary>These options with a session's overrides; null keeps the configured value.</summary>
    public VadOptions WithDurations(int? minSpeechMs, int? minSilenceMs) =>
        this with { MinSpeechMs = minSpeechMs ?? MinSpeechMs, MinSilenceMs = minSilenceMs ?? MinSilenceMs };

    /// <summary>The problems with these values, each naming its field as in <c>start.vad</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinSpeechMs is < 20 or > 5_000)
        {
            errors.Add($"min_speech_ms must be between 20 and 5000 (was {MinSpeechMs}).");
        }

        if (MinSilenceMs is < 100 or > 10_000)
        {
            errors.Add($"min_silence_ms must be between 100 and 10000 (was {MinSilenceMs}).");
        }

        return errors;
    }
}
