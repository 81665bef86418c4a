using Chatbot.Voice.Audio;
using Chatbot.Voice.Tests.Support;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class AudioStreamReaderTests
{
    [Fact]
    public async Task ReadAsync_WavInOddSizedReads_YieldsEverySampleInOrder()
    {
        var tone = Signals.Sine(440, 16_000, 0.5, amplitude: 0.3);
        var stream = new TrickleStream(WavFile.Write(tone, 16_000), readSize: 333);

        var samples = await ReadAllAsync(stream, rawSampleRate: null, outputRate: 16_000);

        Assert.Equal(tone, samples);
    }

    [Fact]
    public async Task ReadAsync_RawPcm_ResamplesToTheOutputRate()
    {
        var tone = Signals.Sine(440, 24_000, 1.0, amplitude: 0.3);

        var samples = await ReadAllAsync(new TrickleStream(Pcm16.ToBytes(tone), 1001), rawSampleRate: 24_000, outputRate: 8_000);

        Assert.InRange(samples.Length, 8_000, 8_050);
        Assert.InRange(Signals.ZeroCrossingFrequency(samples.AsSpan(400), 8_000), 435, 445);
    }

    [Fact]
    public async Task ReadAsync_EmptyStream_YieldsNothing()
    {
        Assert.Empty(await ReadAllAsync(new MemoryStream(), rawSampleRate: null, outputRate: 16_000));
    }

    [Fact]
    public async Task ReadAsync_NotWav_Throws()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new MemoryStream(new byte[100]), rawSampleRate: null, outputRate: 16_000));
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new MemoryStream("RIFF"u8.ToArray()), rawSampleRate: null, outputRate: 16_000));
    }

    private static async Task<short[]> ReadAllAsync(Stream stream, int? rawSampleRate, int outputRate)
    {
        var all = new List<short>();
        await foreach (var chunk in AudioStreamReader.ReadAsync(stream, rawSampleRate, outputRate, TestContext.Current.CancellationToken))
        {
            all.AddRange(chunk);
        }

        return [.. all];
    }

    /// <summary>A stream handing out at most <c>readSize</c> bytes per read, as a pipe or socket may.</summary>
    private sealed class TrickleStream(byte[] data, int readSize) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
