namespace Chatbot.Voice.Sessions;

/// <summary>
/// Where a <see cref="SpokenAnswer"/> sends what it produces: the session's event stream, which decides under its own
/// lock whether the answer may still speak (not interrupted, output not held by a possible barge-in).
/// </summary>
internal interface IAnswerOutput
{
    /// <summary>Sends a piece of the answer's text, unless the answer was interrupted.</summary>
    void Delta(SpokenAnswer answer, string content);

    /// <summary>
    /// Sends one chunk of audio now and returns null; or returns what to wait for before trying again (the user may be
    /// starting to speak). Throws <see cref="OperationCanceledException"/> once the answer was interrupted.
    /// </summary>
    Task? TrySendChunk(SpokenAnswer answer, byte[] payload, double durationMs, double offsetMs);

    /// <summary>The answer was spoken to its end.</summary>
    void Done(SpokenAnswer answer);

    /// <summary>The answer failed (its question was refused, the model or the synthesizer failed).</summary>
    void Failed(SpokenAnswer answer, string code, string message);
}
