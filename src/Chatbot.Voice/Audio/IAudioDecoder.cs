namespace Chatbot.Voice.Audio;

/// <summary>
/// Turns the payloads of a client's <c>audio</c> messages into PCM16 samples at the wire format's sample rate.
/// Stateful (Opus predicts from earlier packets; PCM keeps an odd trailing byte): one per stream, payloads in order.
/// Not thread-safe.
/// </summary>
public interface IAudioDecoder
{
    /// <summary>The wire format decoded.</summary>
    AudioFormat Format { get; }

    /// <summary>Decodes one payload: raw PCM16 bytes, or one Opus packet.</summary>
    /// <exception cref="InvalidDataException">The payload is not valid for the codec.</exception>
    short[] Decode(ReadOnlySpan<byte> payload);
}
