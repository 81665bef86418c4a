namespace Chatbot.Benchmarks.Load;

/// <summary>
/// A closed-loop load: <see cref="Concurrency"/> workers each run one request after another; the first
/// <see cref="Warmup"/> is not measured, then <see cref="Duration"/> is.
/// </summary>
public sealed record LoadPlan(int Concurrency, TimeSpan Warmup, TimeSpan Duration)
{
    /// <summary>Checks the plan.</summary>
    public LoadPlan Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Duration, TimeSpan.FromMilliseconds(100));
        return this;
    }
}
