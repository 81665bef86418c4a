namespace Chatbot.Testing.FakeOpenAI;

/// <summary>
/// A barrier a test controls: the fake server stops at it (<see cref="Reached"/> completes) and goes on only after
/// <see cref="Release"/>, so a test can hold a response at an exact point without sleeping. Thread-safe.
/// </summary>
public sealed class FakeGate
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the server has arrived at the gate.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the server go on.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Signals arrival, then waits for <see cref="Release"/> or for <paramref name="cancellationToken"/>
    /// (the client went away or the server stops).</summary>
    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }
}
