using Chatbot.Voice.Audio;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class Pcm16Tests
{
    [Fact]
    public void ToBytes_ThenToSamples_RoundTripsLittleEndian()
    {
        short[] samples = [0, 1, -1, short.MaxValue, short.MinValue, 0x1234];

        var bytes = Pcm16.ToBytes(samples);

        Assert.Equal(new byte[] { 0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x80, 0x34, 0x12 }, bytes);
        Assert.Equal(samples, Pcm16.ToSamples(bytes));
    }

    [Fact]
    public void ToFloats_ThenFromFloats_RoundTripsEverySample()
    {
        short[] samples = [0, 1, -1, 1000, -1000, short.MaxValue, short.MinValue];

        var floats = Pcm16.ToFloats(samples);

        Assert.All(floats, f => Assert.InRange(f, -1f, 1f));
        Assert.Equal(samples, Pcm16.FromFloats(floats));
    }

    [Fact]
    public void FromFloats_OutOfRange_Clips()
    {
        Assert.Equal(new short[] { short.MaxValue, short.MinValue }, Pcm16.FromFloats([1.5f, -2f]));
    }

    [Fact]
    public void ToSamples_OddByteCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => Pcm16.ToSamples(new byte[3]));
    }
}
