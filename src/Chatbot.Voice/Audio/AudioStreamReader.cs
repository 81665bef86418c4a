using System.Runtime.CompilerServices;

namespace Chatbot.Voice.Audio;

/// <summary>
/// Reads PCM16 audio from a stream as it arrives (a child process' stdout, an HTTP response body) and hands it out in
/// chunks converted to another rate. The stream is raw samples at a known rate, or WAV, whose header gives the rate
/// (streamed WAV often declares no length; everything after the header is read as samples). Stateless.
/// </summary>
public static class AudioStreamReader
{
    private const int ReadBytes = 4096;

    /// <summary>
    /// The samples of <paramref name="stream"/> at <paramref name="outputRate"/>; <paramref name="rawSampleRate"/> is the
    /// rate of raw PCM16, or null for WAV. Yields nothing for an empty stream.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not WAV (when WAV was expected) or ends inside its header.</exception>
    public static async IAsyncEnumerable<short[]> ReadAsync(
        Stream stream, int? rawSampleRate, int outputRate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[ReadBytes];
        var filled = 0;
        var resampler = rawSampleRate is { } raw ? new AudioResampler(raw, outputRate) : null;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
            var start = 0;
            if (resampler is null)
            {
                if (!WavFile.TryReadHeader(buffer.AsSpan(0, filled), out var rate, out var dataOffset))
                {
                    if (filled == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2); // a long header: keep reading into it
                    }

                    continue;
                }

                resampler = new AudioResampler(rate, outputRate);
                start = dataOffset;
            }

            var whole = start + ((filled - start) / Pcm16.BytesPerSample * Pcm16.BytesPerSample);
            var samples = resampler.Process(Pcm16.ToSamples(buffer.AsSpan(start, whole - start)));
            buffer.AsSpan(whole, filled - whole).CopyTo(buffer); // an odd byte waits for its pair
            filled -= whole;
            if (samples.Length > 0)
            {
                yield return samples;
            }
        }

        if (resampler is null && filled > 0)
        {
            throw new InvalidDataException($"The audio stream ended inside its WAV header ({filled} bytes).");
        }

        if (resampler?.Flush() is { Length: > 0 } tail)
        {
            yield return tail;
        }
    }
}
