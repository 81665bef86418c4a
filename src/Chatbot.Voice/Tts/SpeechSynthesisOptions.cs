namespace Chatbot.Voice.Tts;

/// <summary>How one piece of text is spoken. Immutable.</summary>
public sealed record SpeechSynthesisOptions
{
    /// <summary>Sample rate of the audio returned, in hertz (8,000–48,000). Default 16,000.</summary>
    public int SampleRate { get; init; } = Audio.AudioFormat.InternalSampleRate;

    /// <summary>Voice to use instead of the configured one (engine-specific, e.g. <c>en-us</c>, <c>cmn</c>, <c>alloy</c>).</summary>
    public string? Voice { get; init; }
}
