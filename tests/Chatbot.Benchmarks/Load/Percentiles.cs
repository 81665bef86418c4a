namespace Chatbot.Benchmarks.Load;

/// <summary>Nearest-rank percentiles of a set of samples (milliseconds, or any unit the caller uses).</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    /// <summary>No samples.</summary>
    public static Percentiles Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarizes <paramref name="samples"/>; the array is sorted in place.</summary>
    public static Percentiles Of(double[] samples)
    {
        if (samples.Length == 0)
        {
            return Empty;
        }

        Array.Sort(samples);
        return new Percentiles(
            samples.Length, Rank(samples, 0.50), Rank(samples, 0.95), Rank(samples, 0.99), samples[^1], samples.Average());
    }

    /// <summary>The value at quantile <paramref name="q"/> (0–1) of <paramref name="sorted"/>, nearest rank.</summary>
    public static double Rank(double[] sorted, double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Each percentile of this minus the same percentile of <paramref name="baseline"/>.</summary>
    public Percentiles Minus(Percentiles baseline) =>
        new(Count, P50 - baseline.P50, P95 - baseline.P95, P99 - baseline.P99, Max - baseline.Max, Mean - baseline.Mean);
}
