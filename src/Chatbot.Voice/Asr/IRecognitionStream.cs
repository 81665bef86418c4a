namespace Chatbot.Voice.Asr;

/// <summary>
/// Recognition of one utterance: write its 16 kHz mono samples in order, reading partial hypotheses as they change,
/// then complete it for the final transcript. One caller at a time (not thread-safe; overlapping calls throw). Dispose
/// it in every case: that returns its engine resources even when the utterance was abandoned.
/// </summary>
public interface IRecognitionStream : IAsyncDisposable
{
    /// <summary>Audio written so far.</summary>
    TimeSpan Duration { get; }

    /// <summary>
    /// Adds samples (any length, 16 kHz mono). Returns a new partial hypothesis when it changed since the last one,
    /// otherwise null; engines without partials always return null. A cancelled call leaves the samples written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stream was completed, or the utterance exceeds the engine's buffer limit.</exception>
    ValueTask<RecognitionResult?> WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default);

    /// <summary>Ends the utterance and returns its final transcript (<see cref="RecognitionResult.IsFinal"/> true). Once only.</summary>
    ValueTask<RecognitionResult> CompleteAsync(CancellationToken cancellationToken = default);
}
