namespace Chatbot.Voice.Asr;

/// <summary>What a recognizer may know about one utterance. Immutable.</summary>
public sealed record RecognitionOptions
{
    /// <summary>Recognition without a domain: the engine's general model.</summary>
    public static RecognitionOptions General { get; } = new();

    /// <summary>
    /// The tenant's vocabulary and phrasing, when known: pocketsphinx builds a language model from it, OpenAI-compatible
    /// endpoints receive it as a prompt. Null for the general model.
    /// </summary>
    public SpeechDomain? Domain { get; init; }

    /// <summary>Spoken language as a BCP-47 or ISO-639-1 code (e.g. <c>en</c>); null lets the engine decide.</summary>
    public string? Language { get; init; }
}
