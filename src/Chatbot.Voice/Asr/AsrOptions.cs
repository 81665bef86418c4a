using System.ComponentModel.DataAnnotations;

namespace Chatbot.Voice.Asr;

/// <summary>Which engine transcribes speech (<c>Chatbot:Voice:Asr</c>).</summary>
public sealed class AsrOptions
{
    /// <summary><c>pocketsphinx</c> (default, offline) or <c>openai</c>; see <see cref="AsrProviders"/>.</summary>
    [Required]
    [RegularExpression("^(pocketsphinx|openai)$", ErrorMessage = "must be 'pocketsphinx' or 'openai'.")]
    public string Provider { get; set; } = AsrProviders.PocketSphinx;

    /// <summary>Settings of the pocketsphinx provider.</summary>
    public PocketSphinxOptions PocketSphinx { get; set; } = new();

    /// <summary>Settings of the openai provider.</summary>
    public OpenAITranscriptionOptions OpenAI { get; set; } = new();
}

/// <summary>Settings of the pocketsphinx provider (<c>Chatbot:Voice:Asr:PocketSphinx</c>); defaults are Debian's paths.</summary>
public sealed class PocketSphinxOptions
{
    private const string ModelRoot = "/usr/share/pocketsphinx/model/en-us/";

    /// <summary>Acoustic model directory (<c>-hmm</c>).</summary>
    [Required]
    public string AcousticModelPath { get; set; } = ModelRoot + "en-us";

    /// <summary>Pronunciation dictionary (<c>-dict</c>) of the general model, and the source of domain dictionaries.</summary>
    [Required]
    public string DictionaryPath { get; set; } = ModelRoot + "cmudict-en-us.dict";

    /// <summary>General language model (<c>-lm</c>), used when an utterance has no domain.</summary>
    [Required]
    public string LanguageModelPath { get; set; } = ModelRoot + "en-us.lm.bin";

    /// <summary>Where domain language models and dictionaries are written; null for a folder under the temp directory.</summary>
    public string? ModelCacheDirectory { get; set; }

    /// <summary>Seed of the dither added to the audio (see <c>PocketSphinxRecognitionStream</c>): same audio, same transcript.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>
    /// Audio between two partial hypotheses, in milliseconds (0–5,000; the audio is decoded as it comes, the hypothesis
    /// read this often; 0 turns partials off, which saves the streaming pass and its decoder). Default 300.
    /// </summary>
    [Range(0, 5_000)]
    public int PartialIntervalMs { get; set; } = 300;

    /// <summary>
    /// Silence put before and after each utterance for the final pass, in milliseconds (0–1,000). pocketsphinx tracks
    /// noise and speech from the audio it is given and expects some non-speech first; an utterance cut at its VAD onset
    /// has none. Default 300.
    /// </summary>
    [Range(0, 1_000)]
    public int PaddingMs { get; set; } = 300;

    /// <summary>
    /// Loaded decoders kept for reuse across utterances per language model and pass (streaming, final), four times that
    /// in all (0–64; each holds its models in memory, ~10–30 MB). Loading one takes a native-call slot for a second or
    /// so, so keep about as many as sessions speak at once. Default 8.
    /// </summary>
    [Range(0, 64)]
    public int MaxIdleDecoders { get; set; } = 8;
}

/// <summary>Settings of the openai transcription provider (<c>Chatbot:Voice:Asr:OpenAI</c>).</summary>
public sealed class OpenAITranscriptionOptions
{
    /// <summary>Base URL of the API, e.g. <c>https://api.openai.com/v1</c>; requests go to <c>{BaseUrl}/audio/transcriptions</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>API key sent as a bearer token; optional for local servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model name. Default <c>whisper-1</c>.</summary>
    [Required]
    public string Model { get; set; } = "whisper-1";

    /// <summary>Seconds to wait for a transcript (1–600). Default 60.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
