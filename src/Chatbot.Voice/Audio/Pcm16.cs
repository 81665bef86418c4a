using System.Buffers.Binary;

namespace Chatbot.Voice.Audio;

/// <summary>
/// Conversions between PCM16 little-endian bytes, 16-bit samples and floats in [-1, 1]. Stateless and thread-safe;
/// floats outside [-1, 1] are clipped.
/// </summary>
public static class Pcm16
{
    /// <summary>Bytes per sample.</summary>
    public const int BytesPerSample = 2;

    /// <summary>Reads little-endian samples; <paramref name="bytes"/> must hold a whole number of samples.</summary>
    public static short[] ToSamples(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % BytesPerSample != 0)
        {
            throw new ArgumentException($"PCM16 needs an even number of bytes (was {bytes.Length}).", nameof(bytes));
        }

        var samples = new short[bytes.Length / BytesPerSample];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * BytesPerSample)..]);
        }

        return samples;
    }

    /// <summary>Writes samples as little-endian bytes.</summary>
    public static byte[] ToBytes(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * BytesPerSample];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * BytesPerSample), samples[i]);
        }

        return bytes;
    }

    /// <summary>Samples scaled to [-1, 1) (divided by 32768).</summary>
    public static float[] ToFloats(ReadOnlySpan<short> samples)
    {
        var floats = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            floats[i] = samples[i] / 32768f;
        }

        return floats;
    }

    /// <summary>Floats scaled to 16 bits, rounded and clipped to the 16-bit range.</summary>
    public static short[] FromFloats(ReadOnlySpan<float> floats)
    {
        var samples = new short[floats.Length];
        for (var i = 0; i < floats.Length; i++)
        {
            samples[i] = FromFloat(floats[i]);
        }

        return samples;
    }

    /// <summary>One float scaled to 16 bits, rounded and clipped.</summary>
    public static short FromFloat(float value) =>
        (short)Math.Clamp(MathF.Round(value * 32768f), short.MinValue, short.MaxValue);
}
