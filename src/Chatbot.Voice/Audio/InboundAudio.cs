namespace Chatbot.Voice.Audio;

/// <summary>
/// A client's audio on its way in: decodes each wire payload, converts it to the internal 16 kHz rate and cuts it into
/// 20 ms frames (320 samples) for voice activity detection and recognition. Not thread-safe: one per session.
/// </summary>
public sealed class InboundAudio
{
    private readonly IAudioDecoder _decoder;
    private readonly AudioResampler _resampler;
    private readonly FrameSplitter _frames = FrameSplitter.For20Ms(AudioFormat.InternalSampleRate);

    /// <summary>A pipeline for payloads in <paramref name="format"/>.</summary>
    public InboundAudio(AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Format = format;
        _decoder = AudioCodecs.CreateDecoder(format);
        _resampler = new AudioResampler(format.SampleRate, AudioFormat.InternalSampleRate);
    }

    /// <summary>The wire format.</summary>
    public AudioFormat Format { get; }

    /// <summary>Decodes one payload; returns the 16 kHz frames it completed, in order.</summary>
    /// <exception cref="InvalidDataException">The payload is not valid for the codec.</exception>
    public IReadOnlyList<short[]> Push(ReadOnlySpan<byte> payload) => _frames.Push(_resampler.Process(_decoder.Decode(payload)));
}
