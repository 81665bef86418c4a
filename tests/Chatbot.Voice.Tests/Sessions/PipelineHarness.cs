using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Sessions;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Vad;
using Xunit;

namespace Chatbot.Voice.Tests.Sessions;

/// <summary>A <see cref="VoicePipeline"/> with test engines, fed 20 ms frames, with every event it sent kept in order.</summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public static readonly VadOptions TestVad = new() { MinSpeechMs = 200, MinSilenceMs = 300 };

    private readonly IAudioEncoder _encoder;

    public PipelineHarness(
        ISpeechRecognizer recognizer, ISpeechSynthesizer synthesizer, IVoiceAnswerer answerer, TimeProvider? time = null,
        Func<VoicePipelineOptions, VoicePipelineOptions>? configure = null, AudioFormat? format = null, VoiceMetrics? metrics = null)
    {
        var options = new VoicePipelineOptions
        {
            Format = format ?? AudioFormat.Internal,
            Vad = TestVad,
            TurnIdPrefix = "s1",
            PlaybackLead = Timeout.InfiniteTimeSpan,
        };
        Options = configure?.Invoke(options) ?? options;
        _encoder = AudioCodecs.CreateEncoder(Options.Format);
        Pipeline = new VoicePipeline(Options, recognizer, synthesizer, answerer, time ?? TimeProvider.System, metrics: metrics);
    }

    public VoicePipelineOptions Options { get; }

    public VoicePipeline Pipeline { get; }

    /// <summary>Every event read so far.</summary>
    public List<VoiceEvent> Events { get; } = [];

    public static async Task<PipelineHarness> StartAsync(
        ISpeechRecognizer recognizer, ISpeechSynthesizer synthesizer, IVoiceAnswerer answerer, TimeProvider? time = null,
        Func<VoicePipelineOptions, VoicePipelineOptions>? configure = null, AudioFormat? format = null, VoiceMetrics? metrics = null)
    {
        var harness = new PipelineHarness(recognizer, synthesizer, answerer, time, configure, format, metrics);
        await harness.Pipeline.StartAsync(TestContext.Current.CancellationToken);
        return harness;
    }

    /// <summary>Sends 16 kHz samples in the session's format, 20 ms per payload.</summary>
    public void Push(short[] samples16k)
    {
        var samples = Options.Format.SampleRate == 16_000
            ? samples16k
            : AudioResampler.Convert(samples16k, 16_000, Options.Format.SampleRate);
        var frame = Options.Format.SamplesPerFrame;
        for (var i = 0; i + frame <= samples.Length; i += frame)
        {
            foreach (var payload in _encoder.Encode(samples.AsSpan(i, frame)))
            {
                Pipeline.PushAudio(payload);
            }
        }
    }

    public void PushSilence(double seconds) => Push(Signals.Silence(16_000, seconds));

    /// <summary>A vowel-like buzz the detector takes for speech.</summary>
    public void PushSpeech(double seconds) => Push(Signals.Buzz(150, 16_000, seconds, amplitude: 0.3));

    /// <summary>Reads events until one matches; returns it.</summary>
    public async Task<VoiceEvent> WaitForAsync(Func<VoiceEvent, bool> match)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        while (await Pipeline.Events.WaitToReadAsync(cancellationToken))
        {
            while (Pipeline.Events.TryRead(out var e))
            {
                Events.Add(e);
                if (match(e))
                {
                    return e;
                }
            }
        }

        throw new InvalidOperationException($"The events ended without the one expected; got: {string.Join(", ", Events.Select(e => e.Type))}");
    }

    public Task<VoiceEvent> WaitForAsync(string type) => WaitForAsync(e => e.Type == type);

    /// <summary>Reads every event until the stream ends.</summary>
    public async Task ReadToEndAsync()
    {
        await foreach (var e in Pipeline.Events.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            Events.Add(e);
        }
    }

    public IEnumerable<VoiceEvent> OfType(string type) => Events.Where(e => e.Type == type);

    public ValueTask DisposeAsync() => Pipeline.DisposeAsync();
}
