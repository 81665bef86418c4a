using Chatbot.AI.Chat;
using Chatbot.Testing.FakeOpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chatbot.AI.Tests.Providers;

/// <summary>
/// Timeouts of the <c>openai</c> provider on a <see cref="FakeTimeProvider"/>: the attempt timeout (10 s here) bounds
/// the wait for response headers, the idle timeout (20 s here) the silence inside a stream.
/// </summary>
public sealed class OpenAIChatProviderTimeoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStreamingResponseAsync_StallBetweenChunks_FailsWithModelTimeout()
    {
        var time = new FakeTimeProvider();
        await using var model = await OpenAIModelHost.StartAsync(Ct, time);
        var stall = new FakeGate();
        model.Server.Enqueue(FakeReply.Text("Still", " thinking", " about", " it").StallingAfter(2, stall));
        await using var updates = model.Client.GetStreamingResponseAsync("Hard question", cancellationToken: Ct).GetAsyncEnumerator(Ct);
        var before = await updates.ReadUntilAsync("Still thinking");

        var next = updates.MoveNextAsync();
        time.Advance(TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await next);
        stall.Release();

        Assert.Equal("Still thinking", before);
        Assert.Equal(ModelErrors.Timeout, ModelErrors.Describe(error).Code);
        Assert.Single(model.Server.Requests);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StallBeforeHeadersWithoutRetries_FailsWithModelTimeout()
    {
        var time = new FakeTimeProvider();
        await using var model = await OpenAIModelHost.StartAsync(Ct, time, ("MaxRetries", "0"));
        var stall = new FakeGate();
        model.Server.Enqueue(FakeReply.Text("Too", " late").StallingBeforeHeaders(stall));

        var call = model.Client.GetStreamingResponseAsync("Anyone there?", cancellationToken: Ct).ToChatResponseAsync(Ct);
        await stall.Reached.WaitAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => call);
        stall.Release();

        Assert.Equal(ModelErrors.Timeout, ModelErrors.Describe(error).Code);
        Assert.Single(model.Server.Requests);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StallBeforeHeadersOnce_RetriesAndSucceeds()
    {
        var time = new FakeTimeProvider();
        await using var model = await OpenAIModelHost.StartAsync(Ct, time);
        var stall = new FakeGate();
        model.Server.Enqueue(FakeReply.Text("Lost").StallingBeforeHeaders(stall), FakeReply.Text("Second", " try"));

        var call = model.Client.GetStreamingResponseAsync("Anyone there?", cancellationToken: Ct).ToChatResponseAsync(Ct);
        await stall.Reached.WaitAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(10));
        var response = await call;
        stall.Release();

        Assert.Equal("Second try", response.Text);
        Assert.Equal(2, model.Server.Requests.Count);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamLongerThanAttemptAndTotalTimeouts_Completes()
    {
        var time = new FakeTimeProvider();
        await using var model = await OpenAIModelHost.StartAsync(Ct, time, ("MaxRetries", "0"));
        var pause = new FakeGate();
        model.Server.Enqueue(FakeReply.Text("Slow", " but", " complete").StallingAfter(1, pause));
        await using var updates = model.Client.GetStreamingResponseAsync("Take your time", cancellationToken: Ct).GetAsyncEnumerator(Ct);
        var before = await updates.ReadUntilAsync("Slow");

        // 15 s: past the attempt timeout (10 s) and the total request timeout (11 s), within the idle timeout (20 s).
        var next = updates.MoveNextAsync();
        time.Advance(TimeSpan.FromSeconds(15));
        pause.Release();
        Assert.True(await next);
        var rest = updates.Current.Text + await updates.ReadToEndAsync();

        Assert.Equal("Slow but complete", before + rest);
        Assert.Single(model.Server.Requests);
    }
}
