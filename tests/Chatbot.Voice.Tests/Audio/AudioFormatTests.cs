using Chatbot.Voice.Audio;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class AudioFormatTests
{
    [Theory]
    [InlineData("opus", 48_000, AudioCodec.Opus, 960)]
    [InlineData("opus", 8_000, AudioCodec.Opus, 160)]
    [InlineData("pcm16", 16_000, AudioCodec.Pcm16, 320)]
    public void Create_SupportedValues_DescribesFrames(string codec, int rate, AudioCodec expected, int samplesPerFrame)
    {
        var format = AudioFormat.Create(codec, rate);

        Assert.Equal(expected, format.Codec);
        Assert.Equal(rate, format.SampleRate);
        Assert.Equal(samplesPerFrame, format.SamplesPerFrame);
        Assert.Equal(codec, format.CodecName);
    }

    [Theory]
    [InlineData("mp3", 16_000, "codec")]
    [InlineData(null, 16_000, "codec")]
    [InlineData("opus", 44_100, "sample_rate")]
    [InlineData("pcm16", 0, "sample_rate")]
    public void TryCreate_UnsupportedValue_NamesTheField(string? codec, int rate, string field)
    {
        Assert.False(AudioFormat.TryCreate(codec, rate, out _, out var error));
        Assert.StartsWith(field, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AudioFormat.Create(codec, rate));
    }
}
