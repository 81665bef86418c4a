namespace Chatbot.Voice.Asr;

/// <summary>Known values of <see cref="AsrOptions.Provider"/>.</summary>
public static class AsrProviders
{
    /// <summary>pocketsphinx through libpocketsphinx (Debian <c>libpocketsphinx3</c>, <c>pocketsphinx-en-us</c>), offline. The default.</summary>
    public const string PocketSphinx = "pocketsphinx";

    /// <summary>An OpenAI-compatible <c>/v1/audio/transcriptions</c> endpoint.</summary>
    public const string OpenAI = "openai";
}
