namespace Chatbot.Voice.Asr;

/// <summary>
/// Starts recognition of utterances. Implementations are thread-safe and meant to be shared (singletons): any number
/// of streams may be open at once; native work is bounded by the <see cref="NativeCallGate"/>.
/// </summary>
public interface ISpeechRecognizer
{
    /// <summary>
    /// Opens a stream for one utterance (typically from a VAD <c>SpeechStarted</c> onset to its <c>SpeechEnded</c>).
    /// May load models first (seconds, the first time a domain is seen).
    /// </summary>
    ValueTask<IRecognitionStream> StartAsync(RecognitionOptions options, CancellationToken cancellationToken = default);
}
