using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Vad;

/// <summary>
/// Finds where a user speaks in a stream of 20 ms frames at 16 kHz. A frame is voiced when it is loud enough
/// (<see cref="VadOptions.MinLevelDbfs"/>), stands <see cref="VadOptions.MarginDb"/> above the adaptive
/// <see cref="NoiseFloor"/>, and is periodic in the pitch range (see <see cref="FrameFeatures"/>). Speech starts once
/// <see cref="VadOptions.MinSpeechMs"/> of voiced frames accumulated with no pause over
/// <see cref="VadOptions.MaxOnsetGapMs"/>; it ends after <see cref="VadOptions.MinSilenceMs"/> without a voiced frame.
/// Times are stream positions, so the result depends only on the audio. Not thread-safe: one per session.
/// </summary>
public sealed class VoiceActivityDetector
{
    /// <summary>Periodicity above which a loud enough frame is voiced.</summary>
    public const double VoicingThreshold = 0.5;

    private static readonly TimeSpan Frame = AudioFormat.FrameDuration;

    private readonly VadOptions _options;
    private readonly NoiseFloor _floor;
    private short[] _previous = [];
    private TimeSpan? _onset;
    private TimeSpan _voiced;
    private TimeSpan _gap;
    private TimeSpan _lastVoicedEnd;

    /// <summary>A detector with <paramref name="options"/>.</summary>
    public VoiceActivityDetector(VadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _floor = new NoiseFloor(options.MinLevelDbfs);
    }

    /// <summary>True between <see cref="SpeechStarted"/> and <see cref="SpeechEnded"/>.</summary>
    public bool IsSpeaking { get; private set; }

    /// <summary>Audio fed so far.</summary>
    public TimeSpan Position { get; private set; }

    /// <summary>The current noise floor, in dBFS.</summary>
    public double NoiseFloorDbfs => _floor.Level;

    /// <summary>The last frame's measurements.</summary>
    public FrameFeatures LastFeatures { get; private set; }

    /// <summary>Takes the next frame (<see cref="AudioFormat.SamplesPerFrame"/> at 16 kHz: 320 samples); returns what changed, if anything.</summary>
    public VadEvent? Process(ReadOnlySpan<short> frame)
    {
        if (frame.Length != AudioFormat.Internal.SamplesPerFrame)
        {
            throw new ArgumentException($"A frame is 320 samples at 16 kHz (was {frame.Length}).", nameof(frame));
        }

        var start = Position;
        Position += Frame;
        var features = FrameFeatures.Measure(frame, _previous);
        _previous = frame.ToArray();
        LastFeatures = features;
        var voiced = features.LevelDbfs >= _options.MinLevelDbfs
            && features.LevelDbfs >= _floor.Level + _options.MarginDb
            && features.Periodicity >= VoicingThreshold;
        _floor.Update(features.LevelDbfs, voiced || IsSpeaking);
        return IsSpeaking ? WhileSpeaking(voiced) : WhileQuiet(voiced, start);
    }

    private SpeechStarted? WhileQuiet(bool voiced, TimeSpan frameStart)
    {
        if (!voiced)
        {
            _gap += Frame;
            if (_onset is not null && _gap.TotalMilliseconds > _options.MaxOnsetGapMs)
            {
                _onset = null; // too sparse to be speech: a click, a knock, a short burst
                _voiced = TimeSpan.Zero;
            }

            return null;
        }

        _onset ??= frameStart;
        _gap = TimeSpan.Zero;
        _voiced += Frame;
        _lastVoicedEnd = Position;
        if (_voiced.TotalMilliseconds < _options.MinSpeechMs)
        {
            return null;
        }

        IsSpeaking = true;
        var started = new SpeechStarted(Position, _onset.Value);
        _onset = null;
        _voiced = TimeSpan.Zero;
        _gap = TimeSpan.Zero;
        return started;
    }

    private SpeechEnded? WhileSpeaking(bool voiced)
    {
        if (voiced)
        {
            _gap = TimeSpan.Zero;
            _lastVoicedEnd = Position;
            return null;
        }

        _gap += Frame;
        if (_gap.TotalMilliseconds < _options.MinSilenceMs)
        {
            return null;
        }

        IsSpeaking = false;
        _gap = TimeSpan.Zero;
        return new SpeechEnded(Position, _lastVoicedEnd);
    }
}
