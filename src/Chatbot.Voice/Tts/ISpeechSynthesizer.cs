namespace Chatbot.Voice.Tts;

/// <summary>
/// Turns text into speech, handing out audio while it is made so playback can start before the whole text is spoken.
/// Implementations are thread-safe; calls may run concurrently (engines that cannot, queue them).
/// </summary>
public interface ISpeechSynthesizer
{
    /// <summary>
    /// Speaks <paramref name="text"/> (a sentence or so; see <see cref="SentenceSegmenter"/>), yielding mono PCM16 chunks
    /// at <see cref="SpeechSynthesisOptions.SampleRate"/> in order. Cancelling the token, or leaving the enumeration
    /// early, stops synthesis at the engine's next chunk.
    /// </summary>
    IAsyncEnumerable<short[]> SynthesizeAsync(string text, SpeechSynthesisOptions options, CancellationToken cancellationToken = default);
}
