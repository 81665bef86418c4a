namespace Chatbot.Voice.Audio;

/// <summary>
/// Turns PCM16 samples at the wire format's sample rate into payloads for <c>tts_chunk</c> messages. Stateful: one per
/// stream, samples in order. Not thread-safe.
/// </summary>
public interface IAudioEncoder
{
    /// <summary>The wire format encoded.</summary>
    AudioFormat Format { get; }

    /// <summary>
    /// Encodes the next samples; returns the payloads completed by them (Opus: one packet per whole 20 ms frame, the
    /// remainder kept for the next call; PCM16: the bytes of all samples).
    /// </summary>
    IReadOnlyList<byte[]> Encode(ReadOnlySpan<short> samples);

    /// <summary>Encodes what is held back, padded with silence to a whole frame; empty when nothing is held.</summary>
    IReadOnlyList<byte[]> Flush();
}
