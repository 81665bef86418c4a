using Chatbot.Voice.Audio;
using Chatbot.Voice.Tests.Support;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class InboundAudioTests
{
    [Theory]
    [InlineData("opus", 48_000)]
    [InlineData("pcm16", 8_000)]
    public void Push_ClientPayloads_Yields16kHzFramesOfTheSameTone(string codec, int rate)
    {
        var format = AudioFormat.Create(codec, rate);
        var encoder = AudioCodecs.CreateEncoder(format);
        var inbound = new InboundAudio(format);
        var tone = Signals.Sine(440, rate, 1.0, amplitude: 0.3);

        var frames = encoder.Encode(tone).SelectMany(p => inbound.Push(p)).ToList();

        Assert.All(frames, f => Assert.Equal(320, f.Length));
        Assert.InRange(frames.Count, 48, 50);
        var steady = frames.Skip(5).SelectMany(f => f).ToArray();
        Assert.InRange(Signals.ZeroCrossingFrequency(steady, 16_000), 430, 450);
    }
}
