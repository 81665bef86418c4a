using Chatbot.Voice.Audio;
using Xunit;

namespace Chatbot.Voice.Tests.Audio;

public sealed class FrameSplitterTests
{
    [Fact]
    public void Push_ChunksOfAnySize_YieldsWholeFramesInOrder()
    {
        var splitter = FrameSplitter.For20Ms(16_000);
        var input = Enumerable.Range(0, 1000).Select(i => (short)i).ToArray();
        var frames = new List<short[]>();

        foreach (var size in new[] { 1, 7, 319, 2, 400, 271 })
        {
            var start = frames.Sum(f => f.Length) + splitter.PendingSamples;
            frames.AddRange(splitter.Push(input.AsSpan(start, size)));
        }

        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.Equal(320, f.Length));
        Assert.Equal(input[..960], frames.SelectMany(f => f));
        Assert.Equal(40, splitter.PendingSamples);
    }

    [Fact]
    public void Flush_PartialFrame_PadsWithSilence()
    {
        var splitter = FrameSplitter.For20Ms(8_000);
        splitter.Push([1, 2, 3]);

        var last = splitter.Flush();

        Assert.NotNull(last);
        Assert.Equal(160, last.Length);
        Assert.Equal(new short[] { 1, 2, 3, 0 }, last[..4]);
        Assert.Null(splitter.Flush());
    }
}
