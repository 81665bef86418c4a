using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Sessions;
using Chatbot.Voice.Tts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Chatbot.Voice.Tests.Sessions;

/// <summary>
/// The latency the platform itself adds between the end of speech and the first audio: the engines' time (the
/// recognizer's final pass, the answer's first sentence, synthesis of the first chunk) is not counted in it.
/// </summary>
public sealed class VoicePipelineMetricsTests
{
    private static readonly TimeSpan EngineDelay = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task PushAudio_SlowEngines_PlatformAddedLatencyLeavesTheirTimeOut()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new VoiceMetrics(services.GetRequiredService<IMeterFactory>());
        using var recorded = new Recorded();
        var answerer = new ScriptedAnswerer();
        answerer.Script("where is my order", "Your order shipped yesterday. It arrives on Friday.");
        await using var session = await PipelineHarness.StartAsync(
            new SlowRecognizer(new ScriptedRecognizer("where is my order")), new SlowSynthesizer(new ToneSynthesizer()), new SlowAnswerer(answerer),
            metrics: metrics);

        session.PushSilence(0.5);
        session.PushSpeech(1.0);
        session.PushSilence(0.6);
        await session.WaitForAsync(VoiceEventTypes.Done);

        var total = Assert.Single(recorded.Of(VoiceMetrics.SpeechEndToAudioLatency));
        var platform = Assert.Single(recorded.Of(VoiceMetrics.PlatformAddedLatency));
        TestContext.Current.TestOutputHelper?.WriteLine($"speech end → first audio {total:F1} ms, of which the platform's {platform:F1} ms");
        Assert.True(total >= 3 * EngineDelay.TotalMilliseconds, $"the three engines each took {EngineDelay.TotalMilliseconds} ms; total {total} ms");
        Assert.InRange(platform, 0, total - (3 * EngineDelay.TotalMilliseconds) + 1); // 1 ms: timer granularity
    }

    /// <summary>The voice meter's histogram values, by instrument.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Lock _sync = new();
        private readonly List<(string Name, double Value)> _values = [];

        public Recorded()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == VoiceMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            {
                lock (_sync)
                {
                    _values.Add((instrument.Name, value));
                }
            });
            _listener.Start();
        }

        public List<double> Of(string name)
        {
            lock (_sync)
            {
                return [.. _values.Where(v => v.Name == name).Select(v => v.Value)];
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    private sealed class SlowRecognizer(ISpeechRecognizer inner) : ISpeechRecognizer
    {
        public async ValueTask<IRecognitionStream> StartAsync(RecognitionOptions options, CancellationToken cancellationToken = default) =>
            new Stream(await inner.StartAsync(options, cancellationToken));

        private sealed class Stream(IRecognitionStream inner) : IRecognitionStream
        {
            public TimeSpan Duration => inner.Duration;

            public ValueTask<RecognitionResult?> WriteAsync(ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default) =>
                inner.WriteAsync(samples, cancellationToken);

            public async ValueTask<RecognitionResult> CompleteAsync(CancellationToken cancellationToken = default)
            {
                await Task.Delay(EngineDelay, cancellationToken); // the final pass
                return await inner.CompleteAsync(cancellationToken);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    private sealed class SlowAnswerer(IVoiceAnswerer inner) : IVoiceAnswerer
    {
        public async IAsyncEnumerable<string> AnswerAsync(string turnId, string question, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(EngineDelay, cancellationToken); // time to the first token
            await foreach (var delta in inner.AnswerAsync(turnId, question, cancellationToken))
            {
                yield return delta;
            }
        }

        public Task StopAsync(string turnId, CancellationToken cancellationToken) => inner.StopAsync(turnId, cancellationToken);
    }

    private sealed class SlowSynthesizer(ISpeechSynthesizer inner) : ISpeechSynthesizer
    {
        public async IAsyncEnumerable<short[]> SynthesizeAsync(
            string text, SpeechSynthesisOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Delay(EngineDelay, cancellationToken); // time to the first audio
            await foreach (var chunk in inner.SynthesizeAsync(text, options, cancellationToken))
            {
                yield return chunk;
            }
        }
    }
}
