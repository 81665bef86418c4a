using Chatbot.Voice.Tests.Support;
using Chatbot.Voice.Tts;
using Xunit;

namespace Chatbot.Voice.Tests.Tts;

public sealed class EspeakNgSynthesizerTests(SpeechEngines engines)
{
    [Fact]
    public async Task SynthesizeAsync_Sentence_ProducesAudibleSpeechAtRequestedRate()
    {
        var samples = await engines.SpeakAsync("what is the refund policy for damaged goods", 16_000);

        var seconds = samples.Length / 16_000.0;
        Assert.InRange(seconds, 1.0, 6.0);
        Assert.True(Signals.RmsDbfs(samples) > -35, $"rms {Signals.RmsDbfs(samples):F1} dBFS");
    }
}
