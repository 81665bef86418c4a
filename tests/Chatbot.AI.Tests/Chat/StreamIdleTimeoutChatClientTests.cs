using Chatbot.AI.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chatbot.AI.Tests.Chat;

public sealed class StreamIdleTimeoutChatClientTests
{
    private static readonly TimeSpan s_idle = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private readonly ChannelChatClient _inner = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStreamingResponseAsync_SilentForIdleTimeout_ThrowsTimeoutException()
    {
        using var client = new StreamIdleTimeoutChatClient(_inner, s_idle, _time);
        await using var updates = client.GetStreamingResponseAsync("q", cancellationToken: Ct).GetAsyncEnumerator(Ct);
        await _inner.Updates.WriteAsync(new ChatResponseUpdate(ChatRole.Assistant, "first"), Ct);
        Assert.True(await updates.MoveNextAsync());

        var next = updates.MoveNextAsync();
        _time.Advance(s_idle - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await next);
        Assert.Equal(ModelErrors.Timeout, ModelErrors.Describe(error).Code);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_UpdatesWithinIdleTimeout_AllArrive()
    {
        using var client = new StreamIdleTimeoutChatClient(_inner, s_idle, _time);
        await using var updates = client.GetStreamingResponseAsync("q", cancellationToken: Ct).GetAsyncEnumerator(Ct);

        var texts = new List<string>();
        foreach (var piece in new[] { "a", "b", "c" })
        {
            var next = updates.MoveNextAsync();
            _time.Advance(s_idle - TimeSpan.FromSeconds(1));
            await _inner.Updates.WriteAsync(new ChatResponseUpdate(ChatRole.Assistant, piece), Ct);
            Assert.True(await next);
            texts.Add(updates.Current.Text);
        }

        _inner.Updates.Complete();
        Assert.False(await updates.MoveNextAsync());
        Assert.Equal(["a", "b", "c"], texts);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ConsumerSlowerThanIdleTimeout_DoesNotTimeOut()
    {
        using var client = new StreamIdleTimeoutChatClient(_inner, s_idle, _time);
        await using var updates = client.GetStreamingResponseAsync("q", cancellationToken: Ct).GetAsyncEnumerator(Ct);
        await _inner.Updates.WriteAsync(new ChatResponseUpdate(ChatRole.Assistant, "first"), Ct);
        Assert.True(await updates.MoveNextAsync());

        _time.Advance(s_idle * 3); // the consumer holds on to "first"; the model is not waited on
        await _inner.Updates.WriteAsync(new ChatResponseUpdate(ChatRole.Assistant, "second"), Ct);

        Assert.True(await updates.MoveNextAsync());
        Assert.Equal("second", updates.Current.Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_FirstUpdate_WaitsForFirstUpdateTimeout()
    {
        using var client = new StreamIdleTimeoutChatClient(_inner, s_idle, _time) { FirstUpdateTimeout = s_idle * 4 };
        await using var updates = client.GetStreamingResponseAsync("q", cancellationToken: Ct).GetAsyncEnumerator(Ct);

        var first = updates.MoveNextAsync();
        _time.Advance(s_idle * 2);
        Assert.False(first.IsCompleted);
        _time.Advance(s_idle * 2);

        await Assert.ThrowsAsync<TimeoutException>(async () => await first);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        using var client = new StreamIdleTimeoutChatClient(_inner, s_idle, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var updates = client.GetStreamingResponseAsync("q", cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);

        var next = updates.MoveNextAsync();
        await stop.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        Assert.IsNotType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task GetResponseAsync_NoAnswerWithinFirstUpdateTimeout_ThrowsTimeoutException()
    {
        using var client = new StreamIdleTimeoutChatClient(_inner, s_idle, _time);

        var call = client.GetResponseAsync("q", cancellationToken: Ct);
        _time.Advance(s_idle);

        await Assert.ThrowsAsync<TimeoutException>(() => call);
    }

    [Fact]
    public void UseStreamIdleTimeout_InfiniteTimeout_LeavesPipelineWithoutTheCheck()
    {
        using var inner = new ChannelChatClient();

        using var built = inner.AsBuilder().UseStreamIdleTimeout(_ => Timeout.InfiniteTimeSpan).Build();
        using var wrapped = inner.AsBuilder().UseStreamIdleTimeout(s_idle).Build();

        Assert.Same(inner, built);
        Assert.IsType<StreamIdleTimeoutChatClient>(wrapped);
    }
}
