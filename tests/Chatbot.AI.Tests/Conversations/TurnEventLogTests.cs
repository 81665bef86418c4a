using Chatbot.AI.Conversations;
using Chatbot.Conversations;
using Xunit;

namespace Chatbot.AI.Tests.Conversations;

public sealed class TurnEventLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Append_Events_NumbersThemFromOne()
    {
        var log = new TurnEventLog("r1");

        var first = log.Append(Delta("a"));
        var second = log.Append(Delta("b"));

        Assert.Equal(1, first.Seq);
        Assert.Equal(2, second.Seq);
        Assert.Equal([1L, 2L], log.Snapshot().Select(e => e.Seq));
        Assert.False(log.IsCompleted);
    }

    [Fact]
    public void Constructor_RecordedEvents_RenumbersThemAndContinuesAfter()
    {
        var log = new TurnEventLog("r1", [Delta("a") with { Seq = 7 }, Delta("b") with { Seq = 9 }]);

        var next = log.Append(Delta("c"));

        Assert.Equal([1L, 2L], log.Snapshot().Take(2).Select(e => e.Seq));
        Assert.Equal(3, next.Seq);
    }

    [Fact]
    public void Append_AfterTerminalEvent_Throws()
    {
        var log = new TurnEventLog("r1");
        log.Append(Delta("a"));
        log.Append(Done());

        Assert.True(log.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => log.Append(Delta("late")));
        Assert.Equal(2, log.Snapshot().Count);
    }

    [Theory]
    [InlineData(0, new long[] { 1, 2, 3, 4 })]
    [InlineData(2, new long[] { 3, 4 })]
    [InlineData(4, new long[] { })]
    [InlineData(10, new long[] { })]
    public async Task ReadAsync_CompletedTurnFromAnyPosition_YieldsTheLaterEventsAndEnds(long afterSeq, long[] expected)
    {
        var log = new TurnEventLog("r1", [Delta("a"), Delta("b"), Delta("c"), Done()]);

        var read = await ReadAllAsync(log, afterSeq);

        Assert.Equal(expected, read.Select(e => e.Seq));
    }

    [Fact]
    public async Task ReadAsync_ReaderWaitingBeforeAppend_ReceivesTheAppendedEvent()
    {
        var log = new TurnEventLog("r1");
        await using var reader = log.ReadAsync(0, Ct).GetAsyncEnumerator(Ct);

        var next = reader.MoveNextAsync();
        Assert.False(next.IsCompleted);
        log.Append(Delta("first"));

        Assert.True(await next);
        Assert.Equal("first", reader.Current.Content);
        log.Append(Done());
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(ChatEventTypes.Done, reader.Current.Type);
        Assert.False(await reader.MoveNextAsync());
    }

    [Fact]
    public async Task ReadAsync_ReaderCancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var log = new TurnEventLog("r1");
        using var stop = new CancellationTokenSource();
        await using var reader = log.ReadAsync(0, stop.Token).GetAsyncEnumerator(stop.Token);

        var next = reader.MoveNextAsync();
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
    }

    [Fact]
    public async Task ReadAsync_ConcurrentReadersDuringAppends_EachSeesEveryEventOnceInOrder()
    {
        const int deltas = 200;
        var log = new TurnEventLog("r1");
        var readers = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => ReadAllAsync(log, afterSeq: i % 2 == 0 ? 0 : 5), Ct))
            .ToList();

        await Task.Run(() =>
        {
            for (var i = 0; i < deltas; i++)
            {
                log.Append(Delta($"d{i}"));
            }

            log.Append(Done());
        }, Ct);
        var results = await Task.WhenAll(readers);

        for (var i = 0; i < results.Length; i++)
        {
            var from = i % 2 == 0 ? 1 : 6;
            Assert.Equal(Enumerable.Range(from, deltas + 2 - from).Select(n => (long)n), results[i].Select(e => e.Seq));
            Assert.Equal(ChatEventTypes.Done, results[i][^1].Type);
        }
    }

    private static async Task<List<ChatEvent>> ReadAllAsync(TurnEventLog log, long afterSeq)
    {
        var events = new List<ChatEvent>();
        await foreach (var e in log.ReadAsync(afterSeq, Ct))
        {
            events.Add(e);
        }

        return events;
    }

    private static ChatEvent Delta(string text) => new() { Type = ChatEventTypes.Delta, Seq = 0, Content = text };

    private static ChatEvent Done() => new() { Type = ChatEventTypes.Done, Seq = 0, Usage = TokenUsage.Zero };
}
