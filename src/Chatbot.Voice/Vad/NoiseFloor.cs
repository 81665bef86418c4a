namespace Chatbot.Voice.Vad;

/// <summary>
/// The background level, tracked in dB: it drops at once to a quieter frame, and climbs slowly towards louder frames
/// that are not speech (faster at first), barely at all during speech. A steady fan or hiss therefore becomes the
/// floor within a second or two, while a talker's pauses do not pull it up to the voice. Not thread-safe.
/// </summary>
internal sealed class NoiseFloor(double ceilingDbfs)
{
    private const double RiseWhenQuiet = 0.04; // per 20 ms frame: about 0.5 s to close most of a gap
    private const double RiseDuringSpeech = 0.001;

    private double? _level;

    /// <summary>The current floor, in dBFS.</summary>
    public double Level => _level ?? ceilingDbfs;

    /// <summary>Takes a frame's level into account; <paramref name="speech"/> when the frame was judged voiced.</summary>
    public void Update(double levelDbfs, bool speech)
    {
        // A stream may open on speech: the floor starts no higher than the quietest level speech may have.
        _level ??= Math.Min(levelDbfs, ceilingDbfs);
        if (levelDbfs <= _level)
        {
            _level = levelDbfs;
            return;
        }

        _level += (levelDbfs - _level.Value) * (speech ? RiseDuringSpeech : RiseWhenQuiet);
    }
}
