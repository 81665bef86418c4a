using Chatbot.Voice.Audio;
using Chatbot.Voice.Tests.Support;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class OpusCodecTests(SpeechEngines engines)
{
    [Theory]
    [InlineData(8_000)]
    [InlineData(16_000)]
    [InlineData(48_000)]
    public async Task EncodeThenDecode_Speech_OnePacketPer20MsAndAudible(int rate)
    {
        var speech = await engines.SpeakAsync("please transfer me to customer service", rate);
        var format = AudioFormat.Create("opus", rate);
        var encoder = AudioCodecs.CreateEncoder(format);
        var decoder = AudioCodecs.CreateDecoder(format);

        var packets = encoder.Encode(speech).Concat(encoder.Flush()).ToList();
        var decoded = packets.SelectMany(p => decoder.Decode(p)).ToArray();

        Assert.Equal((speech.Length + format.SamplesPerFrame - 1) / format.SamplesPerFrame, packets.Count);
        Assert.All(packets, p => Assert.InRange(p.Length, 1, 1275));
        Assert.Equal(packets.Count * format.SamplesPerFrame, decoded.Length);
        Assert.InRange(Signals.RmsDbfs(decoded), Signals.RmsDbfs(speech) - 3, Signals.RmsDbfs(speech) + 3);
    }

    [Fact]
    public void Encode_SameInput_SameBytesEveryTime()
    {
        var tone = Signals.Sine(440, 48_000, 0.2);
        var format = AudioFormat.Create("opus", 48_000);

        var first = AudioCodecs.CreateEncoder(format).Encode(tone);
        var second = AudioCodecs.CreateEncoder(format).Encode(tone);

        Assert.Equal(first.SelectMany(p => p), second.SelectMany(p => p));
    }

    [Fact]
    public void Decode_Garbage_ThrowsInvalidData()
    {
        var decoder = AudioCodecs.CreateDecoder(AudioFormat.Create("opus", 16_000));

        Assert.Throws<InvalidDataException>(() => decoder.Decode([0xFF, 0xFF, 0xFF]));
    }

    [Fact]
    public void Pcm16Decoder_PayloadsSplitMidSample_JoinsThem()
    {
        var decoder = AudioCodecs.CreateDecoder(AudioFormat.Create("pcm16", 16_000));
        var bytes = Pcm16.ToBytes([1, 2, 3]);

        var samples = decoder.Decode(bytes.AsSpan(0, 3)).Concat(decoder.Decode(bytes.AsSpan(3))).ToArray();

        Assert.Equal(new short[] { 1, 2, 3 }, samples);
    }
}
