using Chatbot.Voice.Audio;
using Chatbot.Voice.Tests.Support;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class AudioResamplerTests
{
    [Theory]
    [InlineData(48_000, 16_000)]
    [InlineData(16_000, 48_000)]
    [InlineData(8_000, 16_000)]
    [InlineData(22_050, 16_000)]
    public void Convert_Sine_KeepsFrequencyAndDuration(int from, int to)
    {
        var tone = Signals.Sine(440, from, 1.0);

        var converted = AudioResampler.Convert(tone, from, to);

        Assert.Equal(to, converted.Length);
        Assert.InRange(Signals.ZeroCrossingFrequency(converted, to), 435, 445);
        Assert.InRange(Signals.RmsDbfs(converted.AsSpan(to / 10)), Signals.RmsDbfs(tone) - 1, Signals.RmsDbfs(tone) + 1);
    }

    [Fact]
    public void Process_InChunks_EqualsOneCall()
    {
        var tone = Signals.Sine(300, 48_000, 0.5);
        var whole = new AudioResampler(48_000, 16_000).Process(tone);
        var streaming = new AudioResampler(48_000, 16_000);

        var pieces = Enumerable.Range(0, 25).SelectMany(i => streaming.Process(tone.AsSpan(i * 960, 960))).ToArray();

        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Process_SameRates_PassesThrough()
    {
        short[] samples = [1, 2, 3];

        Assert.Equal(samples, new AudioResampler(16_000, 16_000).Process(samples));
    }
}
