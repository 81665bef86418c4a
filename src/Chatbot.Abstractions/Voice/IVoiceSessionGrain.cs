namespace Chatbot.Voice;

/// <summary>
/// One live voice session of one tenant (keyed by <see cref="VoiceSessionKey"/>), bound to a conversation: it detects
/// speech in the client's audio, transcribes it, asks the conversation, and speaks the answer, stopping when the user
/// speaks over it. A voice turn is an ordinary turn of the conversation whose question is the final transcript. The
/// session lives in memory only: if its silo fails, the client starts a new one (the conversation keeps the history).
/// One client per session: the gateway connection that started it.
/// </summary>
public interface IVoiceSessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the session: checks the format, language and detection settings, learns the vocabulary of the knowledge
    /// bases, and readies the engines (seconds the first time a domain is seen). Returns the
    /// <see cref="VoiceEventTypes.Ready"/> event, or an <see cref="VoiceEventTypes.Error"/> naming the field at fault,
    /// after which the session is not started and <c>start</c> may be sent again.
    /// </summary>
    Task<VoiceEvent> StartAsync(VoiceSessionStart start, CancellationToken cancellationToken = default);

    /// <summary>
    /// The session's events, from the first after <see cref="VoiceEventTypes.Ready"/> until the session ends (after
    /// <see cref="CompleteAsync"/>: once the last answer was spoken). One reader. Stopping the enumeration does not end
    /// the session; <see cref="CloseAsync"/> does.
    /// </summary>
    IAsyncEnumerable<VoiceEvent> StreamEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the next audio payloads of the client, in order (each one Opus packet or PCM16 bytes). Returns at once;
    /// what they cause comes out of <see cref="StreamEventsAsync"/>, including an error for a payload the codec rejects.
    /// </summary>
    Task PushAudioAsync(VoiceAudio audio);

    /// <summary>A typed turn: stops the answer being spoken (if any) and asks <paramref name="text"/>.</summary>
    Task SendTextAsync(string text);

    /// <summary>
    /// End of input (the client's <c>stop</c>): the utterance being spoken is recognized and answered, the answer is
    /// spoken to its end, then the event stream ends.
    /// </summary>
    Task CompleteAsync();

    /// <summary>
    /// Ends the session now (the client went away): speech stops at once and the grain is deactivated. An answer being
    /// generated still completes and is stored, as for a text client that disconnects.
    /// </summary>
    Task CloseAsync();
}

/// <summary>Audio payloads of a client, as received.</summary>
/// <param name="Payloads">The payloads in order; several when the gateway batches messages that arrived together.</param>
[GenerateSerializer, Immutable, Alias("chatbot.VoiceAudio")]
public sealed record VoiceAudio([property: Id(0)] IReadOnlyList<byte[]> Payloads);
