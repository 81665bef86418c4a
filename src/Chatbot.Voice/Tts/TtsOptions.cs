using System.ComponentModel.DataAnnotations;

namespace Chatbot.Voice.Tts;

/// <summary>Which engine speaks answers (<c>Chatbot:Voice:Tts</c>).</summary>
public sealed class TtsOptions
{
    /// <summary><c>espeak-ng</c> (default, offline) or <c>openai</c>; see <see cref="TtsProviders"/>.</summary>
    [Required]
    [RegularExpression("^(espeak-ng|openai)$", ErrorMessage = "must be 'espeak-ng' or 'openai'.")]
    public string Provider { get; set; } = TtsProviders.EspeakNg;

    /// <summary>
    /// The voice, in the provider's terms: an espeak-ng voice such as <c>en-us</c> or <c>cmn</c>, or an OpenAI voice such
    /// as <c>alloy</c>. Default: <c>en-us</c> for espeak-ng, <c>alloy</c> for openai.
    /// </summary>
    public string? Voice { get; set; }

    /// <summary>Settings of the espeak-ng provider.</summary>
    public EspeakNgOptions EspeakNg { get; set; } = new();

    /// <summary>Settings of the openai provider.</summary>
    public OpenAISpeechOptions OpenAI { get; set; } = new();
}

/// <summary>Settings of the espeak-ng provider (<c>Chatbot:Voice:Tts:EspeakNg</c>).</summary>
public sealed class EspeakNgOptions
{
    /// <summary>The directory holding <c>espeak-ng-data</c> (espeak-ng's <c>--path</c>); null for its default.</summary>
    public string? DataPath { get; set; }

    /// <summary>Speaking rate in words per minute (80–450). Default 175, espeak-ng's own default.</summary>
    [Range(80, 450)]
    public int WordsPerMinute { get; set; } = 175;
}

/// <summary>Settings of the openai speech provider (<c>Chatbot:Voice:Tts:OpenAI</c>).</summary>
public sealed class OpenAISpeechOptions
{
    /// <summary>Base URL of the API, e.g. <c>https://api.openai.com/v1</c>; the request goes to <c>{BaseUrl}/audio/speech</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>API key sent as a bearer token; optional for local servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model name, e.g. <c>tts-1</c>. Default <c>tts-1</c>.</summary>
    [Required]
    public string Model { get; set; } = "tts-1";

    /// <summary><c>pcm</c> (default; raw 16-bit mono at <see cref="PcmSampleRate"/>) or <c>wav</c>.</summary>
    [RegularExpression("^(pcm|wav)$", ErrorMessage = "must be 'pcm' or 'wav'.")]
    public string ResponseFormat { get; set; } = "pcm";

    /// <summary>Sample rate of <c>pcm</c> responses, in hertz (8,000–48,000). Default 24,000, OpenAI's.</summary>
    [Range(8_000, 48_000)]
    public int PcmSampleRate { get; set; } = 24_000;

    /// <summary>Seconds to wait for the response headers (1–600). Default 30.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
