namespace Chatbot.Voice.Tts;

/// <summary>Known values of <see cref="TtsOptions.Provider"/>.</summary>
public static class TtsProviders
{
    /// <summary>espeak-ng through libespeak-ng (Debian <c>espeak-ng</c>), offline. The default.</summary>
    public const string EspeakNg = "espeak-ng";

    /// <summary>An OpenAI-compatible <c>/v1/audio/speech</c> endpoint.</summary>
    public const string OpenAI = "openai";
}
