namespace Chatbot.Voice.Tests.Support;

/// <summary>Test signals (tones, noise, clicks, silence) and measurements on them. Deterministic: noise takes a seed.</summary>
public static class Signals
{
    public static short[] Silence(int sampleRate, double seconds) => new short[(int)(sampleRate * seconds)];

    public static short[] Sine(double frequency, int sampleRate, double seconds, double amplitude = 0.5)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    public static short[] WhiteNoise(int sampleRate, double seconds, double amplitude, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(amplitude * short.MaxValue * ((random.NextDouble() * 2) - 1));
        }

        return samples;
    }

    /// <summary>Pink (1/f) noise by Paul Kellet's filter over white noise.</summary>
    public static short[] PinkNoise(int sampleRate, double seconds, double amplitude, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(sampleRate * seconds)];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var white = (random.NextDouble() * 2) - 1;
            b0 = (0.99886 * b0) + (white * 0.0555179);
            b1 = (0.99332 * b1) + (white * 0.0750759);
            b2 = (0.96900 * b2) + (white * 0.1538520);
            b3 = (0.86650 * b3) + (white * 0.3104856);
            b4 = (0.55000 * b4) + (white * 0.5329522);
            b5 = (-0.7616 * b5) - (white * 0.0168980);
            var pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + (white * 0.5362);
            b6 = white * 0.115926;
            samples[i] = (short)Math.Clamp(amplitude * short.MaxValue * pink / 5, short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>Silence with a one-sample full-scale click every <paramref name="every"/> seconds.</summary>
    public static short[] Clicks(int sampleRate, double seconds, double every)
    {
        var samples = Silence(sampleRate, seconds);
        for (var t = every / 2; t < seconds; t += every)
        {
            samples[(int)(t * sampleRate)] = short.MaxValue;
            samples[(int)(t * sampleRate) + 1] = short.MinValue;
        }

        return samples;
    }

    public static short[] Concat(params short[][] parts) => [.. parts.SelectMany(p => p)];

    public static short[] Mix(short[] a, short[] b)
    {
        var mixed = new short[Math.Max(a.Length, b.Length)];
        for (var i = 0; i < mixed.Length; i++)
        {
            var sum = (i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0);
            mixed[i] = (short)Math.Clamp(sum, short.MinValue, short.MaxValue);
        }

        return mixed;
    }

    public static double RmsDbfs(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        var rms = Math.Sqrt(sum / Math.Max(1, samples.Length)) / 32768.0;
        return 20 * Math.Log10(Math.Max(rms, 1e-10));
    }

    /// <summary>The frequency of a tone, from its zero crossings.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<short> samples, int sampleRate)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 / ((double)samples.Length / sampleRate);
    }

    /// <summary>20 ms frames of <paramref name="samples"/> (the last partial frame dropped).</summary>
    public static IEnumerable<short[]> Frames(short[] samples, int samplesPerFrame = 320)
    {
        for (var i = 0; i + samplesPerFrame <= samples.Length; i += samplesPerFrame)
        {
            yield return samples[i..(i + samplesPerFrame)];
        }
    }

    /// <summary>A vowel-like buzz: the first ten harmonics of <paramref name="pitch"/>, falling 6 dB per octave.</summary>
    public static short[] Buzz(double pitch, int sampleRate, double seconds, double amplitude)
    {
        var samples = new short[(int)(sampleRate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            double sum = 0;
            for (var h = 1; h <= 10; h++)
            {
                sum += Math.Sin(2 * Math.PI * pitch * h * i / sampleRate) / h;
            }

            samples[i] = (short)(amplitude * short.MaxValue * sum / 2);
        }

        return samples;
    }

    /// <summary>Index of the first sample whose magnitude exceeds <paramref name="threshold"/>, and one past the last.</summary>
    public static (int First, int End) AudibleSpan(short[] samples, short threshold = 1000)
    {
        var first = Array.FindIndex(samples, s => Math.Abs((int)s) > threshold);
        var last = Array.FindLastIndex(samples, s => Math.Abs((int)s) > threshold);
        return (first, last + 1);
    }

    /// <summary><paramref name="samples"/> without their leading and trailing near-silence.</summary>
    public static short[] Trim(short[] samples)
    {
        var (first, end) = AudibleSpan(samples);
        return samples[first..end];
    }
}
