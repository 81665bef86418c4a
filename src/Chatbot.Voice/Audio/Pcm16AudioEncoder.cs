namespace Chatbot.Voice.Audio;

/// <summary>Writes samples as PCM16 little-endian bytes, one payload per call.</summary>
internal sealed class Pcm16AudioEncoder(AudioFormat format) : IAudioEncoder
{
    public AudioFormat Format { get; } = format;

    public IReadOnlyList<byte[]> Encode(ReadOnlySpan<short> samples) => samples.IsEmpty ? [] : [Pcm16.ToBytes(samples)];

    public IReadOnlyList<byte[]> Flush() => [];
}
