using Chatbot.Voice.Audio;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Tts.EspeakNg;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

[assembly: AssemblyFixture(typeof(Chatbot.Voice.Tests.Support.SpeechEngines))]

namespace Chatbot.Voice.Tests.Support;

/// <summary>
/// The test assembly's one espeak-ng engine (libespeak-ng is process-global) and the gate its calls share, with a helper
/// that speaks a sentence into 16 kHz samples: the test speech the VAD and recognizers hear.
/// </summary>
public sealed class SpeechEngines : IDisposable
{
    public SpeechEngines()
    {
        Gate = new NativeCallGate(2);
        Espeak = new EspeakNgEngine(Gate, dataPath: null, NullLogger<EspeakNgEngine>.Instance);
        Synthesizer = new EspeakNgSynthesizer(Espeak, new TtsOptions());
    }

    public NativeCallGate Gate { get; }

    public EspeakNgEngine Espeak { get; }

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
        Espeak.Dispose();
        Gate.Dispose();
    }
}
