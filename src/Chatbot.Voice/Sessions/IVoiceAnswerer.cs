namespace Chatbot.Voice.Sessions;

/// <summary>
/// What a <see cref="VoicePipeline"/> asks its questions of: in the platform, the session's conversation (each question
/// becomes a conversation turn); in tests, a script. Implementations are called by one pipeline, one answer at a time.
/// </summary>
public interface IVoiceAnswerer
{
    /// <summary>
    /// Starts answering <paramref name="question"/> as the turn <paramref name="turnId"/> (an idempotency key: asking
    /// again with the same id continues the same answer) and streams the answer's text as it is written. The stream
    /// ends when the answer is complete. Cancelling <paramref name="cancellationToken"/> only stops listening: the
    /// answer goes on being generated until <see cref="StopAsync"/>.
    /// </summary>
    /// <exception cref="VoiceAnswerException">The question was refused or the answer failed; the code says why.</exception>
    IAsyncEnumerable<string> AnswerAsync(string turnId, string question, CancellationToken cancellationToken);

    /// <summary>
    /// Stops generating the answer of <paramref name="turnId"/> (barge-in) and returns once it has stopped, so the
    /// next question is not refused as busy. Nothing happens when that answer is already complete.
    /// </summary>
    Task StopAsync(string turnId, CancellationToken cancellationToken);
}
