using Chatbot.Voice.Tests.Support;
using Chatbot.Voice.Vad;
using Xunit;

namespace Chatbot.Voice.Tests.Vad;

public sealed class VoiceActivityDetectorTests(SpeechEngines engines)
{
    private const int Rate = 16_000;

    [Fact]
    public async Task Process_SpeechBetweenSilences_StartsAtOnsetAndEndsAfterMinSilence()
    {
        var speech = await engines.SpeakAsync("what is the refund policy for damaged goods");
        var (first, end) = Signals.AudibleSpan(speech);
        var audio = Signals.Concat(Signals.Silence(Rate, 1), speech, Signals.Silence(Rate, 1.5));

        var events = Run(audio, new VadOptions());

        Assert.Collection(events,
            e => Assert.IsType<SpeechStarted>(e),
            e => Assert.IsType<SpeechEnded>(e));
        var started = (SpeechStarted)events[0];
        var ended = (SpeechEnded)events[1];
        Assert.InRange(started.Onset.TotalSeconds, 1 + (first / (double)Rate) - 0.02, 1 + (first / (double)Rate) + 0.15);
        Assert.True(started.At - started.Onset >= TimeSpan.FromMilliseconds(250), $"started {started}");
        Assert.Equal(TimeSpan.FromMilliseconds(500), ended.At - ended.LastVoiced);
        Assert.InRange(ended.LastVoiced.TotalSeconds, 1 + (end / (double)Rate) - 0.3, 1 + (end / (double)Rate) + 0.02);
    }

    [Fact]
    public async Task Process_SpeechAtStreamStart_IsDetected()
    {
        var speech = Signals.Trim(await engines.SpeakAsync("hello there"));

        var events = Run(Signals.Concat(speech, Signals.Silence(Rate, 1)), new VadOptions());

        Assert.Equal([typeof(SpeechStarted), typeof(SpeechEnded)], events.Select(e => e.GetType()));
        Assert.True(((SpeechStarted)events[0]).Onset <= TimeSpan.FromMilliseconds(150), $"{events[0]}");
    }

    [Fact]
    public async Task Process_PauseShorterThanMinSilence_KeepsOneUtterance()
    {
        var first = Signals.Trim(await engines.SpeakAsync("my order number is missing"));
        var second = Signals.Trim(await engines.SpeakAsync("can you help me"));
        var audio = Signals.Concat(Signals.Silence(Rate, 0.5), first, Signals.Silence(Rate, 0.3), second, Signals.Silence(Rate, 1));

        Assert.Equal(2, Run(audio, new VadOptions()).Count);
        Assert.Equal(4, Run(Signals.Concat(Signals.Silence(Rate, 0.5), first, Signals.Silence(Rate, 1.2), second, Signals.Silence(Rate, 1)), new VadOptions()).Count);
    }

    [Fact]
    public async Task Process_SpeechInSteadyPinkNoise_IsDetected()
    {
        var speech = await engines.SpeakAsync("what is the refund policy for damaged goods");
        var clean = Signals.Concat(Signals.Silence(Rate, 2), speech, Signals.Silence(Rate, 1.5));
        var noisy = Signals.Mix(clean, Signals.PinkNoise(Rate, clean.Length / (double)Rate, 0.03, seed: 7));

        var events = Run(noisy, new VadOptions());

        Assert.Equal([typeof(SpeechStarted), typeof(SpeechEnded)], events.Select(e => e.GetType()));
        Assert.InRange(((SpeechStarted)events[0]).Onset.TotalSeconds, 1.9, 2.3);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void Process_SteadyWhiteNoise_NeverStartsSpeech(double amplitude)
    {
        var noise = Signals.Concat(Signals.Silence(Rate, 0.5), Signals.WhiteNoise(Rate, 10, amplitude, seed: 1));

        Assert.Empty(Run(noise, new VadOptions()));
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void Process_SteadyPinkNoise_NeverStartsSpeech(double amplitude)
    {
        Assert.Empty(Run(Signals.PinkNoise(Rate, 10, amplitude, seed: 2), new VadOptions()));
    }

    [Fact]
    public void Process_DigitalSilenceAndSparseClicks_NeverStartSpeech()
    {
        var audio = Signals.Concat(Signals.Silence(Rate, 3), Signals.Clicks(Rate, 5, every: 0.1), Signals.Clicks(Rate, 5, every: 0.05));

        Assert.Empty(Run(audio, new VadOptions()));
    }

    [Fact]
    public void Process_NoiseBursts_NeverStartSpeech()
    {
        var gap = Signals.Silence(Rate, 0.4);
        var audio = Signals.Concat([.. Enumerable.Range(0, 10).SelectMany(i => new[] { gap, Signals.WhiteNoise(Rate, 0.1, 0.8, seed: i) })]);

        Assert.Empty(Run(audio, new VadOptions()));
    }

    [Fact]
    public void Process_VoicedBurstShorterThanMinSpeech_IsIgnoredButALongerOneStarts()
    {
        var gap = Signals.Silence(Rate, 0.5);
        var shortBuzz = Signals.Buzz(150, Rate, 0.1, 0.2);

        Assert.Empty(Run(Signals.Concat(gap, shortBuzz, gap, shortBuzz, gap), new VadOptions()));
        Assert.Single(Run(Signals.Concat(gap, Signals.Buzz(150, Rate, 0.3, 0.2), gap), new VadOptions()).OfType<SpeechStarted>());
        Assert.Empty(Run(Signals.Concat(gap, Signals.Buzz(150, Rate, 0.3, 0.2), gap), new VadOptions { MinSpeechMs = 400 }));
    }

    [Fact]
    public void Process_WrongFrameSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => new VoiceActivityDetector(new VadOptions()).Process(new short[160]));
    }

    private static List<VadEvent> Run(short[] audio, VadOptions options)
    {
        var detector = new VoiceActivityDetector(options);
        return [.. Signals.Frames(audio).Select(f => detector.Process(f)).OfType<VadEvent>()];
    }
}
