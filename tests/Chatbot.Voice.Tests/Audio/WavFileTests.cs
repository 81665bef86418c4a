using Chatbot.Voice.Audio;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class WavFileTests
{
    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        short[] samples = [0, 100, -100, short.MaxValue];

        var wav = WavFile.Write(samples, 16_000);
        var (read, rate) = WavFile.Read(wav);

        Assert.Equal(WavFile.HeaderBytes + 8, wav.Length);
        Assert.Equal(samples, read);
        Assert.Equal(16_000, rate);
    }

    [Fact]
    public void Read_NotWav_Throws()
    {
        Assert.Throws<InvalidDataException>(() => WavFile.Read("hello world, not a wav"u8));
    }

    [Fact]
    public void TryReadHeader_TruncatedHeader_AsksForMore()
    {
        var wav = WavFile.Write([1, 2, 3], 8_000);

        Assert.False(WavFile.TryReadHeader(wav.AsSpan(0, 30), out _, out _));
        Assert.True(WavFile.TryReadHeader(wav, out var rate, out var offset));
        Assert.Equal((8_000, WavFile.HeaderBytes), (rate, offset));
    }
}
