namespace Chatbot.Voice.Vad;

/// <summary>A change the voice activity detector saw; times are stream positions (audio fed so far), not clock time.</summary>
/// <param name="At">End of the frame that decided it.</param>
public abstract record VadEvent(TimeSpan At);

/// <summary>
/// Speech started: voiced audio persisted for <see cref="VadOptions.MinSpeechMs"/>. Recognition should start from
/// <paramref name="Onset"/>, the start of the first voiced frame, which lies before <paramref name="At"/>.
/// </summary>
public sealed record SpeechStarted(TimeSpan At, TimeSpan Onset) : VadEvent(At);

/// <summary>
/// Speech ended: silence lasted <see cref="VadOptions.MinSilenceMs"/> (the end of the user's turn).
/// <paramref name="LastVoiced"/> is the end of the last voiced frame.
/// </summary>
public sealed record SpeechEnded(TimeSpan At, TimeSpan LastVoiced) : VadEvent(At);
