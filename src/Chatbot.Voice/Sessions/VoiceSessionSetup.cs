using System.Text.RegularExpressions;
using Chatbot.Knowledge;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Vad;

namespace Chatbot.Voice.Sessions;

/// <summary>
/// Turns a client's <c>start</c> message and the silo's <see cref="VoiceOptions"/> into a session's
/// <see cref="VoicePipelineOptions"/>, or into the error event that names the field at fault. Stateless.
/// </summary>
public static partial class VoiceSessionSetup
{
    /// <summary>
    /// The pipeline options for <paramref name="start"/>, or false with an <see cref="VoiceEventTypes.Error"/> event:
    /// <c>unsupported_format</c> (<c>codec</c>, <c>sample_rate</c>), <c>invalid_field</c> (<c>lang</c>,
    /// <c>vad.min_speech_ms</c>, <c>vad.min_silence_ms</c>, <c>dataset_ids</c>), <c>unsupported_language</c>
    /// (<c>lang</c>: the configured recognizer does not know it).
    /// </summary>
    public static bool TryCreate(
        VoiceSessionStart start, VoiceOptions options, string sessionId, out VoicePipelineOptions pipeline, out VoiceEvent? error)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(options);
        pipeline = null!;
        error = Check(start, options, out var format, out var vad);
        if (error is not null)
        {
            return false;
        }

        pipeline = new VoicePipelineOptions
        {
            Format = format,
            Vad = vad,
            Recognition = new RecognitionOptions { Language = start.Language },
            Voice = options.Tts.Voice ?? (options.Tts.Provider == TtsProviders.EspeakNg ? EspeakVoice(start.Language) : null),
            TurnIdPrefix = sessionId,
            MaxUtterance = TimeSpan.FromSeconds(options.MaxSessionBufferSeconds),
            PlaybackLead = TimeSpan.FromMilliseconds(options.PlaybackLeadMs),
            PcmChunkDuration = TimeSpan.FromMilliseconds(options.PcmChunkMs),
        };
        return true;
    }

    private static VoiceEvent? Check(VoiceSessionStart start, VoiceOptions options, out AudioFormat format, out VadOptions? vad)
    {
        vad = null;
        if (!AudioFormat.TryCreate(start.Codec, start.SampleRate, out format, out var formatError))
        {
            var field = formatError.StartsWith("codec", StringComparison.Ordinal) ? "codec" : "sample_rate";
            return VoiceEvent.Failure(VoiceErrorCodes.UnsupportedFormat, formatError, field);
        }

        if (start.Language is { } language)
        {
            if (!LanguageTag().IsMatch(language))
            {
                return VoiceEvent.Failure(VoiceErrorCodes.InvalidField, $"lang must be a language tag such as 'en-US' (was '{Shorten(language)}').", "lang");
            }

            if (options.Asr.Provider == AsrProviders.PocketSphinx && !language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return VoiceEvent.Failure(VoiceErrorCodes.UnsupportedLanguage,
                    $"lang '{language}' cannot be recognized: the pocketsphinx recognizer has the US English model only " +
                    "(set Chatbot:Voice:Asr:Provider to 'openai' for other languages).", "lang");
            }
        }

        if (start.DatasetIds?.FirstOrDefault(d => !DatasetKey.IsValidDataset(d)) is { } dataset)
        {
            return VoiceEvent.Failure(VoiceErrorCodes.InvalidField, $"dataset_ids holds an invalid dataset id '{Shorten(dataset)}'.", "dataset_ids");
        }

        if (start.Vad?.Enable == false)
        {
            return null;
        }

        vad = options.Vad.WithDurations(start.Vad?.MinSpeechMs, start.Vad?.MinSilenceMs);
        if (vad.Validate() is [var problem, ..])
        {
            return VoiceEvent.Failure(VoiceErrorCodes.InvalidField, "vad." + problem, "vad." + problem[..problem.IndexOf(' ', StringComparison.Ordinal)]);
        }

        return null;
    }

    // espeak-ng names Mandarin 'cmn'; other languages by their tag in lower case ('en-us', 'de').
    private static string? EspeakVoice(string? language) => language?.ToLowerInvariant() switch
    {
        null or "en" => null,
        var tag when tag.StartsWith("zh", StringComparison.Ordinal) => "cmn",
        var tag => tag,
    };

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();
}
