using Concentus;

namespace Chatbot.Voice.Audio;

/// <summary>
/// Streaming sample-rate conversion of mono PCM16 (Speex' resampler from Concentus). Keeps filter state across calls,
/// so chunks of one stream join without clicks; the filter delays the signal by <see cref="LatencySamples"/> output
/// samples, which <see cref="Flush"/> releases at the end. A pass-through when both rates are equal. Not thread-safe:
/// one per stream.
/// </summary>
public sealed class AudioResampler
{
    private const int Quality = 5;

    private readonly IResampler? _speex;

    /// <summary>A resampler from <paramref name="inputRate"/> to <paramref name="outputRate"/> hertz.</summary>
    public AudioResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1000);
        InputRate = inputRate;
        OutputRate = outputRate;
        if (inputRate != outputRate)
        {
            _speex = ResamplerFactory.CreateResampler(1, inputRate, outputRate, Quality);
        }
    }

    /// <summary>Input rate in hertz.</summary>
    public int InputRate { get; }

    /// <summary>Output rate in hertz.</summary>
    public int OutputRate { get; }

    /// <summary>Delay the filter adds, in output samples (0 for a pass-through).</summary>
    public int LatencySamples => _speex?.OutputLatencySamples ?? 0;

    /// <summary>Converts the next chunk of the stream.</summary>
    public short[] Process(ReadOnlySpan<short> input)
    {
        if (_speex is null)
        {
            return input.ToArray();
        }

        if (input.IsEmpty)
        {
            return [];
        }

        // The resampler may hold back a sample or two; size the output for the rounded-up ratio plus slack.
        var output = new short[(int)((long)input.Length * OutputRate / InputRate) + 16];
        var source = input.ToArray();
        var consumed = 0;
        var produced = 0;
        while (consumed < source.Length)
        {
            var inLength = source.Length - consumed;
            var outLength = output.Length - produced;
            _speex.Process(0, source.AsSpan(consumed), ref inLength, output.AsSpan(produced), ref outLength);
            consumed += inLength;
            produced += outLength;
            if (produced == output.Length)
            {
                Array.Resize(ref output, output.Length * 2);
            }
            else if (inLength == 0 && outLength == 0)
            {
                break;
            }
        }

        return output[..produced];
    }

    /// <summary>Pushes the samples still inside the filter out, by feeding silence for its length.</summary>
    public short[] Flush() =>
        _speex is null ? [] : Process(new short[(int)((long)LatencySamples * InputRate / OutputRate) + 1]);

    /// <summary>Converts a whole signal at once, including the filter's tail, with the delay removed.</summary>
    public static short[] Convert(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        var resampler = new AudioResampler(inputRate, outputRate);
        var latency = resampler.LatencySamples;
        short[] all = [.. resampler.Process(input), .. resampler.Flush()];
        var expected = (int)((long)input.Length * outputRate / inputRate);
        return all.AsSpan(Math.Min(latency, all.Length), Math.Min(expected, Math.Max(0, all.Length - latency))).ToArray();
    }
}
