using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Vad;

/// <summary>
/// The last frames of a stream, kept so recognition can start at a <see cref="SpeechStarted.Onset"/> that the detector
/// reports only <see cref="VadOptions.MinSpeechMs"/> or more later, with some audio before it. Holds at most
/// <see cref="Capacity"/> frames of 20 ms. Not thread-safe: one per session, fed the same frames as the detector.
/// </summary>
public sealed class FrameHistory
{
    private readonly Queue<short[]> _frames = new();

    /// <summary>A history of the last <paramref name="duration"/> of audio (rounded up to whole frames).</summary>
    public FrameHistory(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        Capacity = (int)Math.Ceiling(duration / AudioFormat.FrameDuration);
    }

    /// <summary>Frames kept at most.</summary>
    public int Capacity { get; }

    /// <summary>Stream position after the last frame added.</summary>
    public TimeSpan Position { get; private set; }

    /// <summary>Adds the next frame, dropping the oldest once full.</summary>
    public void Add(short[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _frames.Enqueue(frame);
        if (_frames.Count > Capacity)
        {
            _frames.Dequeue();
        }

        Position += AudioFormat.FrameDuration;
    }

    /// <summary>The kept frames that start at or after <paramref name="start"/> (the oldest kept, if it is older), in order.</summary>
    public IReadOnlyList<short[]> Since(TimeSpan start)
    {
        var first = Position - (AudioFormat.FrameDuration * _frames.Count);
        var skip = start <= first ? 0 : (int)Math.Ceiling((start - first) / AudioFormat.FrameDuration);
        return [.. _frames.Skip(skip)];
    }
}
