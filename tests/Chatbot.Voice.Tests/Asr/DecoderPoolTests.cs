using Chatbot.Voice.Asr.PocketSphinx;
using Xunit;

namespace Chatbot.Voice.Tests.Asr;

/// <summary>The idle-decoder policy, with strings standing in for decoders ("model#n").</summary>
public sealed class DecoderPoolTests
{
    private static DecoderPool<string> Pool(int maxIdle) => new(maxIdle, d => d[..d.IndexOf('#', StringComparison.Ordinal)]);

    [Fact]
    public void Return_MoreOfOneModelThanTheLimit_EvictsThatModelsOldestOnly()
    {
        var pool = Pool(maxIdle: 2);

        var evicted = new[] { "live#1", "final#1", "live#2", "live#3" }.Select(pool.Return).ToList();

        Assert.Equal([null, null, null, "live#1"], evicted);
        Assert.Equal("final#1", pool.Rent("final"));
        Assert.Equal("live#3", pool.Rent("live")); // most recently used first
        Assert.Equal("live#2", pool.Rent("live"));
        Assert.Null(pool.Rent("live"));
    }

    [Fact]
    public void Return_ManyModelsEachUnderTheLimit_EvictsTheLeastRecentlyUsedPastTheTotal()
    {
        var pool = Pool(maxIdle: 1);
        var total = DecoderPool<string>.TotalFactor;

        var evicted = Enumerable.Range(1, total + 1).Select(i => pool.Return($"model{i}#1")).ToList();

        Assert.All(evicted.Take(total), Assert.Null);
        Assert.Equal("model1#1", evicted[^1]);
        Assert.Equal(total, pool.Drain().Count);
    }

    [Fact]
    public void Return_NoIdleDecodersKept_GivesEachBackAtOnce()
    {
        var pool = Pool(maxIdle: 0);

        Assert.Equal("live#1", pool.Return("live#1"));
        Assert.Null(pool.Rent("live"));
    }
}
