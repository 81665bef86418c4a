using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Sessions;

/// <summary>
/// An answer's synthesized samples (at the wire rate) cut into <c>tts_chunk</c> payloads: one 20 ms Opus packet each, or
/// PCM16 chunks of a fixed duration. Keeps count of the samples taken, so a sentence's place in the answer's audio is
/// known. Not thread-safe: one per answer.
/// </summary>
internal sealed class AnswerAudio
{
    private readonly IAudioEncoder _encoder;
    private readonly FrameSplitter? _pcmChunks;

    public AnswerAudio(AudioFormat format, TimeSpan pcmChunkDuration)
    {
        Format = format;
        _encoder = AudioCodecs.CreateEncoder(format);
        if (format.Codec == AudioCodec.Pcm16)
        {
            _pcmChunks = new FrameSplitter(Math.Max(1, (int)(format.SampleRate * pcmChunkDuration.TotalSeconds)));
        }
    }

    public AudioFormat Format { get; }

    /// <summary>Samples taken so far.</summary>
    public long SamplesIn { get; private set; }

    /// <summary>The payloads the next samples complete, with the samples each holds.</summary>
    public IReadOnlyList<(byte[] Payload, int Samples)> Add(ReadOnlySpan<short> samples)
    {
        SamplesIn += samples.Length;
        if (_pcmChunks is null)
        {
            return [.. _encoder.Encode(samples).Select(p => (p, Format.SamplesPerFrame))];
        }

        return [.. _pcmChunks.Push(samples).Select(chunk => (_encoder.Encode(chunk)[0], chunk.Length))];
    }

    /// <summary>What is held back, padded with silence to a whole chunk.</summary>
    public IReadOnlyList<(byte[] Payload, int Samples)> Flush()
    {
        if (_pcmChunks is null)
        {
            return [.. _encoder.Flush().Select(p => (p, Format.SamplesPerFrame))];
        }

        return _pcmChunks.Flush() is { } last ? [(_encoder.Encode(last)[0], last.Length)] : [];
    }

    /// <summary>Milliseconds of <paramref name="samples"/> at the wire rate.</summary>
    public double Milliseconds(long samples) => samples * 1000.0 / Format.SampleRate;
}
