using Concentus;
using Concentus.Structs;

namespace Chatbot.Voice.Audio;

/// <summary>
/// Decodes one Opus packet per payload with Concentus' managed decoder (constructed directly rather than through
/// <c>OpusCodecFactory</c>, whose native-library switch is process-wide). An empty payload is a lost packet: 20 ms
/// of concealment.
/// </summary>
internal sealed class OpusAudioDecoder : IAudioDecoder
{
    private readonly OpusDecoder _decoder;
    private readonly short[] _buffer;

    public OpusAudioDecoder(AudioFormat format)
    {
        Format = format;
#pragma warning disable CS0618 // The factory would pick libopus when installed: other bytes, chosen by a process-wide flag.
        _decoder = new OpusDecoder(format.SampleRate, 1);
#pragma warning restore CS0618
        _buffer = new short[format.SampleRate * 120 / 1000]; // the longest packet Opus allows: 120 ms
    }

    public AudioFormat Format { get; }

    public short[] Decode(ReadOnlySpan<byte> payload)
    {
        try
        {
            var frameSize = payload.IsEmpty ? Format.SamplesPerFrame : _buffer.Length;
            var samples = _decoder.Decode(payload, _buffer, frameSize, false);
            return _buffer[..samples];
        }
        catch (OpusException ex)
        {
            throw new InvalidDataException($"Not a valid Opus packet ({payload.Length} bytes): {ex.Message}", ex);
        }
    }
}
