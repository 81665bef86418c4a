namespace Chatbot.Voice.Audio;

/// <summary>Reads PCM16 little-endian payloads; a payload that ends mid-sample keeps its last byte for the next one.</summary>
internal sealed class Pcm16AudioDecoder(AudioFormat format) : IAudioDecoder
{
    private byte? _carry;

    public AudioFormat Format { get; } = format;

    public short[] Decode(ReadOnlySpan<byte> payload)
    {
        if (_carry is null && payload.Length % Pcm16.BytesPerSample == 0)
        {
            return Pcm16.ToSamples(payload);
        }

        var joined = new byte[payload.Length + (_carry is null ? 0 : 1)];
        var offset = 0;
        if (_carry is { } carried)
        {
            joined[offset++] = carried;
        }

        payload.CopyTo(joined.AsSpan(offset));
        var whole = joined.Length - (joined.Length % Pcm16.BytesPerSample);
        _carry = whole < joined.Length ? joined[^1] : null;
        return Pcm16.ToSamples(joined.AsSpan(0, whole));
    }
}
