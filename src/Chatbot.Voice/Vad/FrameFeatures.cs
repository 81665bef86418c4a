namespace Chatbot.Voice.Vad;

/// <summary>
/// What the detector measures on a 20 ms frame at 16 kHz: its level, its zero-crossing rate and its periodicity (the
/// normalized autocorrelation peak in the pitch range, 60–400 Hz, over the last 40 ms). Voiced speech is periodic;
/// white and pink noise, clicks and digital silence are not.
/// </summary>
/// <param name="LevelDbfs">RMS level in dBFS; -120 for digital silence.</param>
/// <param name="ZeroCrossingRate">Sign changes per sample, 0–1.</param>
/// <param name="Periodicity">Autocorrelation peak at a pitch lag, 0–1.</param>
public readonly record struct FrameFeatures(double LevelDbfs, double ZeroCrossingRate, double Periodicity)
{
    /// <summary>The level reported for digital silence.</summary>
    public const double SilenceDbfs = -120;

    private const int Decimation = 2; // pitch analysis at 8 kHz
    private const int MinLag = 8_000 / 400;
    private const int MaxLag = 8_000 / 60;

    /// <summary>Measures <paramref name="frame"/>; <paramref name="previous"/> (the frame before, or empty) widens the pitch window.</summary>
    public static FrameFeatures Measure(ReadOnlySpan<short> frame, ReadOnlySpan<short> previous)
    {
        double energy = 0;
        var crossings = 0;
        for (var i = 0; i < frame.Length; i++)
        {
            energy += (double)frame[i] * frame[i];
            if (i > 0 && (frame[i] < 0) != (frame[i - 1] < 0))
            {
                crossings++;
            }
        }

        var rms = Math.Sqrt(energy / Math.Max(1, frame.Length)) / 32768.0;
        var level = rms > 0 ? Math.Max(SilenceDbfs, 20 * Math.Log10(rms)) : SilenceDbfs;
        var zcr = frame.Length > 1 ? crossings / (double)(frame.Length - 1) : 0;
        return new FrameFeatures(level, zcr, level <= SilenceDbfs ? 0 : MeasurePeriodicity(frame, previous));
    }

    private static double MeasurePeriodicity(ReadOnlySpan<short> frame, ReadOnlySpan<short> previous)
    {
        // 1. Join, halve the rate (pairs averaged), remove the mean and pre-emphasize: this whitens pink noise, whose
        //    strong low-frequency correlation would otherwise look like a long pitch period.
        var total = previous.Length + frame.Length;
        var x = new double[total / Decimation];
        for (var i = 0; i < x.Length; i++)
        {
            double sum = 0;
            for (var k = 0; k < Decimation; k++)
            {
                var n = (i * Decimation) + k;
                sum += n < previous.Length ? previous[n] : frame[n - previous.Length];
            }

            x[i] = sum / Decimation;
        }

        var mean = x.Average();
        for (var i = x.Length - 1; i > 0; i--)
        {
            x[i] = x[i] - mean - (0.9 * (x[i - 1] - mean));
        }

        x[0] = 0;

        // 2. Normalized autocorrelation for each pitch lag; a true period is a local peak, not the edge of a slope.
        var maxLag = Math.Min(MaxLag, x.Length / 2);
        var r = new double[maxLag + 2];
        for (var lag = MinLag - 1; lag <= maxLag + 1 && lag < x.Length; lag++)
        {
            double cross = 0, a = 0, b = 0;
            for (var n = 0; n + lag < x.Length; n++)
            {
                cross += x[n] * x[n + lag];
                a += x[n] * x[n];
                b += x[n + lag] * x[n + lag];
            }

            r[lag] = a > 0 && b > 0 ? cross / Math.Sqrt(a * b) : 0;
        }

        double best = 0;
        for (var lag = MinLag; lag <= maxLag; lag++)
        {
            if (r[lag] > best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1])
            {
                best = r[lag];
            }
        }

        return best;
    }
}
