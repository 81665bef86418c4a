using System.Diagnostics;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Reporting;
using Chatbot.Testing.Voice;
using Chatbot.Voice;
using Chatbot.Voice.Asr;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Sessions;
using Chatbot.Voice.Tts;
using Microsoft.Extensions.Configuration;

namespace Chatbot.Benchmarks.Voice;

/// <summary>
/// The voice issue's benchmark: real-time voice sessions (VAD, pocketsphinx while the caller speaks, espeak-ng for
/// every answer) on this machine's engines as a silo registers them, more at each level, each a caller that asks,
/// speaks over the answer and listens to the next one. Reports frame processing, barge-in and end-of-speech-to-audio
/// latencies from the sessions' own histograms, and the most sessions held with P99 frame processing under 20 ms.
/// There is no baseline: the goals are absolute.
/// </summary>
internal sealed class VoiceScenario : IScenario
{
    /// <summary>Goal: P99 frame processing (ms) for a session to count as real time.</summary>
    public const double GoalFrameP99Ms = 20;

    /// <summary>Goal: P99 barge-in latency (ms).</summary>
    public const double GoalBargeInP99Ms = 120;

    /// <summary>Goal: P95 platform-added latency from end of speech to first audio, model time excluded (ms).</summary>
    public const double GoalSpeechEndToAudioP95Ms = 30;

    public string Name => "voice";

    public string Summary => "voice sessions: frame P99, barge-in and end-of-speech-to-audio latency, real-time sessions per core";

    public async Task<ScenarioReport> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        // The silo's voice settings, from the environment as a silo reads them (Chatbot__Voice__MaxConcurrentNativeCalls=4).
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var services = new ServiceCollection().AddChatbotVoice(configuration).BuildServiceProvider();
        var recognizer = services.GetRequiredService<ISpeechRecognizer>();
        var synthesizer = services.GetRequiredService<ISpeechSynthesizer>();
        var metrics = services.GetRequiredService<VoiceMetrics>();
        var answerer = new InstantAnswerer();
        var question = await Speech.SpeakAsync("what is the refund policy for damaged goods", cancellationToken: cancellationToken);
        var interruption = await Speech.SpeakAsync("how do i reset my password", cancellationToken: cancellationToken);
        var seconds = settings.Quick ? 15 : Math.Max(30, settings.Seconds * 2);

        // The tenant's domain model, as a session over a knowledge base gets (built once, then cached).
        var recognition = new RecognitionOptions { Domain = SpeechDomain.FromTexts(InstantAnswerer.Documents) };

        using var measurements = new VoiceMeasurements();
        var levels = new List<VoiceLevelResult>();
        var session = 0;

        // Warm-up, not measured: one caller through a whole round (JIT, decoders loaded, the domain model built).
        Progress.Write("voice: warm-up, one session");
        var warmUp = new VoicePipeline(
            new VoicePipelineOptions { Format = AudioFormat.Internal, TurnIdPrefix = "bench-warm-up", Recognition = recognition },
            recognizer, synthesizer, answerer, TimeProvider.System, metrics: metrics);
        await warmUp.StartAsync(cancellationToken);
        using (var warmUpWindow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            warmUpWindow.CancelAfter(TimeSpan.FromSeconds(settings.Quick ? 8 : 15));
            await new VoiceCaller(warmUp, question, interruption).RunAsync(warmUpWindow.Token);
        }

        foreach (var sessions in settings.Quick ? [1, 2] : settings.VoiceSessions)
        {
            Progress.Write($"voice: {sessions} session(s) for {seconds} s");
            measurements.Reset();
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var callers = new List<VoiceCaller>();
            var running = new List<Task>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < sessions; i++)
            {
                var pipeline = new VoicePipeline(
                    new VoicePipelineOptions { Format = AudioFormat.Internal, TurnIdPrefix = $"bench-{++session}", Recognition = recognition },
                    recognizer, synthesizer, answerer, TimeProvider.System, metrics: metrics);
                await pipeline.StartAsync(cancellationToken);
                var caller = new VoiceCaller(pipeline, question, interruption);
                callers.Add(caller);
                running.Add(caller.RunAsync(window.Token));
                await Task.Delay(TimeSpan.FromMilliseconds(997.0 / sessions), cancellationToken); // not all in step
            }

            window.CancelAfter(TimeSpan.FromSeconds(seconds));
            await Task.WhenAll(running);
            var level = new VoiceLevelResult(
                sessions,
                measurements.Of(VoiceMetrics.FrameLatency),
                measurements.Of(VoiceMetrics.BargeInLatency),
                Percentiles.Of([.. callers.SelectMany(c => c.OnsetToInterrupted)]),
                measurements.Of(VoiceMetrics.SpeechEndToAudioLatency),
                measurements.Of(VoiceMetrics.PlatformAddedLatency),
                measurements.Of(VoiceMetrics.FinalTranscriptLatency),
                measurements.Of(VoiceMetrics.FirstAudioLatency),
                callers.Sum(c => c.Answered),
                callers.Sum(c => c.AudioAfterOnsetMs),
                callers.Max(c => c.WorstFeedLag).TotalMilliseconds,
                (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / seconds);
            levels.Add(level);
            Progress.Write($"voice: {sessions} session(s): frame P99 {level.Frame.P99:F1} ms, barge-in P99 {level.BargeIn.P99:F1} ms, " +
                $"speech end to audio P95 {level.SpeechEndToAudio.P95:F0} ms, {level.Answered} answers");
            if (level.Frame.P99 >= 4 * GoalFrameP99Ms)
            {
                break; // far past real time: more sessions only get worse (one level over the goal may be a busy moment)
            }
        }

        return VoiceReport.Build(levels, seconds, LoadAverage());
    }

    // Other processes' load changes every figure here; the report says what it was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>One level of the voice scenario: latencies in milliseconds, CPU in cores.</summary>
internal sealed record VoiceLevelResult(
    int Sessions, Percentiles Frame, Percentiles BargeIn, Percentiles OnsetToInterrupted, Percentiles SpeechEndToAudio, Percentiles PlatformAdded,
    Percentiles FinalTranscript, Percentiles FirstAudio, int Answered, double AudioAfterOnsetMs, double WorstFeedLagMs, double CpuCores)
{
    public bool RealTime => Frame.P99 < VoiceScenario.GoalFrameP99Ms;
}
