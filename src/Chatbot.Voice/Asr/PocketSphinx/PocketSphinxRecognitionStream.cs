using Chatbot.Voice.Audio;

namespace Chatbot.Voice.Asr.PocketSphinx;

/// <summary>
/// One utterance, decoded twice. A streaming pass on a "live" decoder decodes the audio as it comes (each write, so
/// no single frame pays for a long stretch of audio) and reads a partial hypothesis every <c>PartialIntervalMs</c>; its result depends a little on what that pooled decoder heard before (live cepstral mean). The
/// final pass decodes the whole utterance at once on a "batch" decoder, which normalizes by the utterance's own mean
/// as the acoustic model was trained: better, and the same transcript for the same audio every time. Each sample gets
/// pocketsphinx's dither (+1 with probability 1/4; digital silence, as synthesized speech has, otherwise derails the
/// features) from a generator seeded per stream, so nothing depends on other streams.
/// </summary>
internal sealed class PocketSphinxRecognitionStream : IRecognitionStream
{
    private readonly PocketSphinxRecognizer _owner;
    private readonly NativeCallGate _gate;
    private readonly string _modelKey;
    private readonly PocketSphinxDecoder? _live;
    private readonly Random _dither;
    private readonly PocketSphinxOptions _options;
    private readonly int _maxSamples;
    private readonly List<short> _utterance = [];
    private int _decoded; // samples of _utterance the live pass has seen
    private int _hypothesisAt; // _decoded when the last partial hypothesis was read
    private string _lastPartial = "";
    private int _busy;
    private bool _ended;
    private bool _disposed;

    public PocketSphinxRecognitionStream(
        PocketSphinxRecognizer owner, NativeCallGate gate, string modelKey, PocketSphinxDecoder? live, PocketSphinxOptions options, int maxSamples)
    {
        _owner = owner;
        _gate = gate;
        _modelKey = modelKey;
        _live = live;
        _options = options;
        _maxSamples = maxSamples;
        _dither = new Random(options.Seed);
    }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)_utterance.Count / AudioFormat.InternalSampleRate);

    private int PartialSamples => _options.PartialIntervalMs * AudioFormat.InternalSampleRate / 1000;

    public async ValueTask<RecognitionResult?> WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            if (_utterance.Count + samples.Length > _maxSamples)
            {
                throw new InvalidOperationException(
                    $"The utterance exceeds {_maxSamples / AudioFormat.InternalSampleRate} s (Chatbot:Voice:MaxSessionBufferSeconds); complete it sooner.");
            }

            foreach (var sample in samples.Span)
            {
                _utterance.Add(Dither(sample));
            }

            if (_live is null || samples.Length == 0)
            {
                return null;
            }

            // Decode what came (a frame costs a frame's work); read the hypothesis, a search backtrace, less often.
            var partial = _utterance.Count - _hypothesisAt >= PartialSamples;
            short[] chunk = [.. _decoded == 0 ? Padding() : [], .. _utterance.GetRange(_decoded, _utterance.Count - _decoded)];
            var hypothesis = await _gate.RunAsync(() =>
            {
                _live.Process(chunk);
                return partial ? _live.Hypothesis() : null;
            }, cancellationToken).ConfigureAwait(false);
            _decoded = _utterance.Count; // only once decoded: a call cancelled while waiting keeps its samples pending
            if (hypothesis is null)
            {
                return null;
            }

            _hypothesisAt = _decoded;
            if (hypothesis.Length == 0 || hypothesis == _lastPartial)
            {
                return null;
            }

            _lastPartial = hypothesis;
            return new RecognitionResult(hypothesis, IsFinal: false);
        }
        finally
        {
            Exit();
        }
    }

    public async ValueTask<RecognitionResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            short[] audio = [.. Padding(), .. _utterance, .. Padding()];
            var text = await _owner.DecodeWholeAsync(_modelKey, audio, cancellationToken).ConfigureAwait(false);
            _ended = true;
            return new RecognitionResult(text, IsFinal: true);
        }
        finally
        {
            Exit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_live is not null)
        {
            await _owner.ReleaseLiveAsync(_live).ConfigureAwait(false);
        }
    }

    private short[] Padding()
    {
        var padding = new short[_options.PaddingMs * AudioFormat.InternalSampleRate / 1000];
        for (var i = 0; i < padding.Length; i++)
        {
            padding[i] = Dither(0);
        }

        return padding;
    }

    private short Dither(short sample) => _dither.Next(4) == 0 && sample < short.MaxValue ? (short)(sample + 1) : sample;

    private void Enter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_ended)
        {
            throw new InvalidOperationException("The utterance was already completed.");
        }

        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("A recognition stream takes one call at a time.");
        }
    }

    private void Exit() => Volatile.Write(ref _busy, 0);
}
