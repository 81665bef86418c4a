using Chatbot.Voice;
using Chatbot.Voice.Audio;
using Chatbot.Voice.Tts;
using Chatbot.Voice.Tts.EspeakNg;

namespace Chatbot.Testing.Voice;

/// <summary>Speech made by espeak-ng (the Debian package), as tests feed it to the platform. Thread-safe.</summary>
public static class Speech
{
    /// <summary><paramref name="text"/> spoken by espeak-ng, mono PCM16 at <paramref name="sampleRate"/>.</summary>
    public static async Task<short[]> SpeakAsync(string text, int sampleRate = AudioFormat.InternalSampleRate, CancellationToken cancellationToken = default)
    {
        using var gate = new NativeCallGate(1);
        var samples = new List<short>();
        await foreach (var chunk in new EspeakNgSynthesizer(gate, new TtsOptions())
            .SynthesizeAsync(text, new SpeechSynthesisOptions { SampleRate = sampleRate }, cancellationToken))
        {
            samples.AddRange(chunk);
        }

        return [.. samples];
    }

    /// <summary><paramref name="samples"/> (at the format's rate) as the 20 ms payloads a client sends in <paramref name="format"/>.</summary>
    public static IReadOnlyList<byte[]> Payloads(short[] samples, AudioFormat format)
    {
        var encoder = AudioCodecs.CreateEncoder(format);
        var payloads = new List<byte[]>();
        for (var i = 0; i + format.SamplesPerFrame <= samples.Length; i += format.SamplesPerFrame)
        {
            payloads.AddRange(encoder.Encode(samples.AsSpan(i, format.SamplesPerFrame)));
        }

        return payloads;
    }

    /// <summary>Decodes the payloads of <c>tts_chunk</c>s in <paramref name="format"/>.</summary>
    public static short[] Decode(IEnumerable<byte[]> payloads, AudioFormat format)
    {
        var decoder = AudioCodecs.CreateDecoder(format);
        return [.. payloads.SelectMany(p => decoder.Decode(p))];
    }
}
