using Chatbot.AI.Inference;
using Chatbot.Testing.Inference;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Chatbot.AI.Tests.Inference;

public sealed class EmbeddingBatcherTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmbedAsync_ConcurrentCallersWithinWindow_OneModelRunAndEachCallerGetsItsOwnVectors()
    {
        var model = new RecordingEmbeddingGenerator();
        var time = new FakeTimeProvider();
        var sizes = new List<int>();
        using var batcher = new EmbeddingBatcher(model, maxBatch: 64, Window, time, sizes.Add);
        var callers = Enumerable.Range(0, 10).Select(c => Enumerable.Range(0, 3).Select(t => $"caller {c} text {t}").ToList()).ToList();

        var calls = callers.Select(texts => batcher.EmbedAsync(texts, Ct)).ToList();
        Assert.Empty(model.Batches);
        time.Advance(Window);
        var results = await Task.WhenAll(calls);

        Assert.Equal(30, Assert.Single(model.Batches).Count);
        Assert.Equal([30], sizes);
        for (var c = 0; c < callers.Count; c++)
        {
            Assert.Equal(callers[c].Select(RecordingEmbeddingGenerator.VectorFor), results[c]);
        }
    }

    [Fact]
    public async Task EmbedAsync_BatchFills_RunsWithoutWaitingForTheWindow()
    {
        var model = new RecordingEmbeddingGenerator();
        using var batcher = new EmbeddingBatcher(model, maxBatch: 4, Window, new FakeTimeProvider());

        var first = batcher.EmbedAsync(["a", "b"], Ct);
        var second = batcher.EmbedAsync(["c", "d"], Ct);
        await Task.WhenAll(first, second);

        Assert.Equal(["a", "b", "c", "d"], Assert.Single(model.Batches));
    }

    [Fact]
    public async Task EmbedAsync_CallerLargerThanABatch_SplitsInOrderAndTheRestWaitsForTheWindow()
    {
        var model = new RecordingEmbeddingGenerator();
        var time = new FakeTimeProvider();
        using var batcher = new EmbeddingBatcher(model, maxBatch: 4, Window, time);
        var texts = Enumerable.Range(0, 10).Select(i => $"text {i}").ToList();

        var call = batcher.EmbedAsync(texts, Ct);
        Assert.False(call.IsCompleted);
        time.Advance(Window);
        var vectors = await call;

        Assert.Equal([4, 4, 2], model.Batches.Select(b => b.Count).Order().Reverse());
        Assert.Equal(texts.Select(RecordingEmbeddingGenerator.VectorFor), vectors);
    }

    [Fact]
    public async Task EmbedAsync_ZeroWindow_RunsEachCallAtOnce()
    {
        var model = new RecordingEmbeddingGenerator();
        using var batcher = new EmbeddingBatcher(model, maxBatch: 64, TimeSpan.Zero, new FakeTimeProvider());

        var vectors = await batcher.EmbedAsync(["only"], Ct);

        Assert.Equal([RecordingEmbeddingGenerator.VectorFor("only")], vectors);
    }

    [Fact]
    public async Task EmbedAsync_ModelFails_EveryCallerInTheBatchSeesTheFailure()
    {
        var failure = new InvalidOperationException("the model is out of memory");
        using var batcher = new EmbeddingBatcher(new RecordingEmbeddingGenerator(failure), maxBatch: 2, Window, new FakeTimeProvider());

        var first = batcher.EmbedAsync(["a"], Ct);
        var second = batcher.EmbedAsync(["b"], Ct);

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => first));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => second));
    }

    [Fact]
    public async Task Dispose_TextsStillWaiting_CallerFailsInsteadOfHanging()
    {
        var batcher = new EmbeddingBatcher(new RecordingEmbeddingGenerator(), maxBatch: 64, Window, new FakeTimeProvider());
        var call = batcher.EmbedAsync(["a"], Ct);

        batcher.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call);
    }
}
