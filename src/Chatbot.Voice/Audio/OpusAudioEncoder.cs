using Concentus.Enums;
using Concentus.Structs;

namespace Chatbot.Voice.Audio;

/// <summary>
/// Encodes 20 ms frames into Opus packets (VoIP mode) with Concentus' managed encoder, constructed directly so the
/// output is the same bytes on every machine whether or not libopus is installed. Samples short of a whole frame wait for the next call.
/// </summary>
internal sealed class OpusAudioEncoder : IAudioEncoder
{
    private const int MaxPacketBytes = 1275; // the largest Opus frame

    private readonly OpusEncoder _encoder;
    private readonly FrameSplitter _frames;
    private readonly byte[] _packet = new byte[MaxPacketBytes];

    public OpusAudioEncoder(AudioFormat format, int bitrate)
    {
        Format = format;
#pragma warning disable CS0618 // The factory would pick libopus when installed: other bytes, chosen by a process-wide flag.
        _encoder = new OpusEncoder(format.SampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP) { Bitrate = bitrate };
#pragma warning restore CS0618
        _frames = new FrameSplitter(format.SamplesPerFrame);
    }

    public AudioFormat Format { get; }

    public IReadOnlyList<byte[]> Encode(ReadOnlySpan<short> samples) => [.. _frames.Push(samples).Select(EncodeFrame)];

    public IReadOnlyList<byte[]> Flush() => _frames.Flush() is { } last ? [EncodeFrame(last)] : [];

    private byte[] EncodeFrame(short[] frame)
    {
        var length = _encoder.Encode(frame, frame.Length, _packet, _packet.Length);
        return _packet[..length];
    }
}
