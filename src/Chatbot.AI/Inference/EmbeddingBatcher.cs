using Microsoft.Extensions.AI;

namespace Chatbot.AI.Inference;

/// <summary>
/// Gathers the texts of concurrent callers into batches for one embedding generator: a batch runs as soon as it holds
/// the maximum number of texts, or once the window has passed since the first of its texts arrived. Each caller gets
/// back its own vectors, in the order of its texts.
/// </summary>
/// <remarks>
/// Thread-safe. Callers are served in arrival order; the texts of one caller may span consecutive batches. Batches run
/// on the thread pool, never on the caller's thread (a grain's scheduler stays free), and may overlap: a generator
/// that must not run twice at once bounds itself, as the onnx generator does. Cancelling a call ends its wait, not the
/// batch its texts are in. A failed batch fails every caller with texts in it.
/// </remarks>
public sealed class EmbeddingBatcher : IDisposable
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly int _maxBatch;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly Action<int>? _batchStarted;
    private readonly Lock _gate = new();
    private readonly Queue<Slot> _queue = new();
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;

    /// <summary>Creates a batcher over <paramref name="generator"/>, which it does not own.</summary>
    /// <param name="generator">Runs each batch.</param>
    /// <param name="maxBatch">Most texts per batch (at least 1).</param>
    /// <param name="window">Longest wait for more texts before a partial batch runs; zero runs each call at once.</param>
    /// <param name="timeProvider">Clock of the window (a fake one in tests).</param>
    /// <param name="batchStarted">Told the size of every batch as it starts (metrics).</param>
    public EmbeddingBatcher(
        IEmbeddingGenerator<string, Embedding<float>> generator, int maxBatch, TimeSpan window, TimeProvider timeProvider,
        Action<int>? batchStarted = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _generator = generator;
        _maxBatch = maxBatch;
        _window = window;
        _timeProvider = timeProvider;
        _batchStarted = batchStarted;
    }

    /// <summary>Queues <paramref name="texts"/> and returns their vectors, one per text, in order.</summary>
    /// <exception cref="ObjectDisposedException">The batcher was disposed, before or while the texts waited.</exception>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (texts.Count == 0)
        {
            return Task.FromResult(Array.Empty<float[]>());
        }

        var request = new Request(texts.Count);
        List<Slot[]> ready;
        lock (_gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                _queue.Enqueue(new Slot(request, i, texts[i]));
            }

            ready = TakeBatches(includePartial: _window == TimeSpan.Zero);
            if (_queue.Count == 0)
            {
                DisarmTimer();
            }
            else
            {
                // The window opens with the first waiting text and is not extended by later ones.
                _timer ??= _timeProvider.CreateTimer(_ => Flush(), null, _window, Timeout.InfiniteTimeSpan);
            }
        }

        Start(ready);
        return request.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Fails every waiting caller and cancels running batches.</summary>
    public void Dispose()
    {
        Slot[] abandoned;
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            DisarmTimer();
            abandoned = [.. _queue];
            _queue.Clear();
        }

        var error = new ObjectDisposedException(nameof(EmbeddingBatcher), "The embedding batcher was disposed before these texts ran.");
        foreach (var slot in abandoned)
        {
            slot.Request.Fail(error);
        }

        // _disposed is not disposed: batches still running read its token, and a source without a timer holds nothing.
    }

    private void Flush()
    {
        List<Slot[]> ready;
        lock (_gate)
        {
            DisarmTimer();
            ready = TakeBatches(includePartial: true);
        }

        Start(ready);
    }

    private List<Slot[]> TakeBatches(bool includePartial)
    {
        var batches = new List<Slot[]>();
        while (_queue.Count >= _maxBatch || (includePartial && _queue.Count > 0))
        {
            var batch = new Slot[Math.Min(_maxBatch, _queue.Count)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = _queue.Dequeue();
            }

            batches.Add(batch);
        }

        return batches;
    }

    private void DisarmTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void Start(List<Slot[]> batches)
    {
        foreach (var batch in batches)
        {
            _ = Task.Run(() => RunAsync(batch));
        }
    }

    // Never throws: the outcome, vectors or exception, goes to the callers whose texts are in the batch.
    private async Task RunAsync(Slot[] batch)
    {
        try
        {
            _batchStarted?.Invoke(batch.Length);
            var embeddings = await _generator.GenerateAsync(batch.Select(s => s.Text), cancellationToken: _disposed.Token);
            if (embeddings.Count != batch.Length)
            {
                throw new InvalidOperationException(
                    $"The embedding generator returned {embeddings.Count} embeddings for {batch.Length} texts.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                batch[i].Request.Complete(batch[i].Index, embeddings[i].Vector.ToArray());
            }
        }
        catch (Exception ex)
        {
            foreach (var slot in batch)
            {
                slot.Request.Fail(ex);
            }
        }
    }

    private readonly record struct Slot(Request Request, int Index, string Text);

    // One caller: its vectors fill in as its texts' batches finish; the last one completes the call.
    private sealed class Request(int count)
    {
        private readonly float[][] _vectors = new float[count][];
        private readonly TaskCompletionSource<float[][]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task<float[][]> Task => _done.Task;

        public void Complete(int index, float[] vector)
        {
            _vectors[index] = vector;
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult(_vectors);
            }
        }

        public void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
