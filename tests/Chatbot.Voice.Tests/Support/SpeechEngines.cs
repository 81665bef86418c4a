using Chatbot.Voice.Asr;
using Chatbot.Voice.Asr.PocketSphinx;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Tts.EspeakNg;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

[assembly: AssemblyFixture(typeof(Chatbot.Voice.Tests.Support.SpeechEngines))]

namespace Chatbot.Voice.Tests.Support;

/// <summary>
/// The test assembly's espeak-ng synthesizer and pocketsphinx recognizer (loading the general model takes seconds, so
/// its decoders are shared through the recognizer's pool) and the gate their work shares, with helpers that speak a
/// sentence into 16 kHz samples and transcribe samples: the speech the VAD and recognizers hear.
/// </summary>
public sealed class SpeechEngines : IDisposable
{
    public SpeechEngines()
    {
        Gate = new NativeCallGate(2);
        Synthesizer = new EspeakNgSynthesizer(Gate, new TtsOptions());
        ModelDirectory = Directory.CreateTempSubdirectory("chatbot-voice-tests-").FullName;
        Recognizer = new PocketSphinxRecognizer(
            new PocketSphinxOptions { ModelCacheDirectory = ModelDirectory, MaxIdleDecoders = 4 }, Gate, TimeSpan.FromSeconds(60), NullLogger<PocketSphinxRecognizer>.Instance);
    }

    public PocketSphinxRecognizer Recognizer { get; }

    /// <summary>Where this run's domain models are written; deleted at the end.</summary>
    public string ModelDirectory { get; }

    /// <summary>The final transcript of <paramref name="samples"/> (16 kHz), written in 20 ms frames.</summary>
    public async Task<string> TranscribeAsync(short[] samples, RecognitionOptions options)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stream = await Recognizer.StartAsync(options, cancellationToken);
        for (var i = 0; i < samples.Length; i += 320)
        {
            await stream.WriteAsync(samples.AsMemory(i, Math.Min(320, samples.Length - i)), cancellationToken);
        }

        return (await stream.CompleteAsync(cancellationToken)).Text;
    }

    public NativeCallGate Gate { get; }

    public EspeakNgSynthesizer Synthesizer { get; }

    /// <summary><paramref name="text"/> spoken by espeak-ng at <paramref name="sampleRate"/>.</summary>
    public async Task<short[]> SpeakAsync(string text, int sampleRate = AudioFormat.InternalSampleRate)
    {
        var all = new List<short>();
        await foreach (var chunk in Synthesizer.SynthesizeAsync(text, new SpeechSynthesisOptions { SampleRate = sampleRate }, TestContext.Current.CancellationToken))
        {
            all.AddRange(chunk);
        }

        return [.. all];
    }

    public void Dispose()
    {
        Recognizer.Dispose();
        Directory.Delete(ModelDirectory, recursive: true);
        Gate.Dispose();
    }
}
