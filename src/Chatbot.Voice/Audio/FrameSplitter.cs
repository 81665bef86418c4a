namespace Chatbot.Voice.Audio;

/// <summary>
/// Cuts a stream of samples arriving in chunks of any size into frames of a fixed size (20 ms at a given rate),
/// keeping the remainder for the next chunk. Not thread-safe: one per stream.
/// </summary>
public sealed class FrameSplitter
{
    private readonly short[] _pending;
    private int _count;

    /// <summary>A splitter making frames of <paramref name="samplesPerFrame"/> samples.</summary>
    public FrameSplitter(int samplesPerFrame)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerFrame, 1);
        _pending = new short[samplesPerFrame];
    }

    /// <summary>A splitter making 20 ms frames at <paramref name="sampleRate"/>.</summary>
    public static FrameSplitter For20Ms(int sampleRate) => new(AudioFormat.SamplesPerFrameAt(sampleRate));

    /// <summary>Samples per frame.</summary>
    public int SamplesPerFrame => _pending.Length;

    /// <summary>Samples held back until the next frame is complete.</summary>
    public int PendingSamples => _count;

    /// <summary>Adds samples; returns the frames completed by them, in order (often none or one).</summary>
    public IReadOnlyList<short[]> Push(ReadOnlySpan<short> samples)
    {
        List<short[]>? frames = null;
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, _pending.Length - _count);
            samples[..take].CopyTo(_pending.AsSpan(_count));
            _count += take;
            samples = samples[take..];
            if (_count == _pending.Length)
            {
                (frames ??= []).Add((short[])_pending.Clone());
                _count = 0;
            }
        }

        return frames ?? (IReadOnlyList<short[]>)[];
    }

    /// <summary>The held-back samples padded with silence to a whole frame, or null when none are held.</summary>
    public short[]? Flush()
    {
        if (_count == 0)
        {
            return null;
        }

        var frame = new short[_pending.Length];
        _pending.AsSpan(0, _count).CopyTo(frame);
        _count = 0;
        return frame;
    }
}
