using System.Buffers.Binary;
using System.Text;

namespace Chatbot.Voice.Audio;

/// <summary>Reads and writes mono PCM16 RIFF/WAVE data. Stateless and thread-safe.</summary>
public static class WavFile
{
    /// <summary>Bytes of the canonical header <see cref="Write"/> produces.</summary>
    public const int HeaderBytes = 44;

    /// <summary>A complete WAV file holding <paramref name="samples"/> at <paramref name="sampleRate"/>.</summary>
    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate)
    {
        var data = samples.Length * Pcm16.BytesPerSample;
        var wav = new byte[HeaderBytes + data];
        var span = wav.AsSpan();
        Encoding.ASCII.GetBytes("RIFF", span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        Encoding.ASCII.GetBytes("WAVEfmt ", span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * Pcm16.BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], Pcm16.BytesPerSample);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        Encoding.ASCII.GetBytes("data", span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        Pcm16.ToBytes(samples).CopyTo(span[HeaderBytes..]);
        return wav;
    }

    /// <summary>The samples and rate of a mono PCM16 WAV file.</summary>
    /// <exception cref="InvalidDataException">Not a mono PCM16 WAV file.</exception>
    public static (short[] Samples, int SampleRate) Read(ReadOnlySpan<byte> wav)
    {
        var (sampleRate, dataOffset) = ReadHeader(wav);
        var data = wav[dataOffset..];
        var declared = BinaryPrimitives.ReadInt32LittleEndian(wav[(dataOffset - 4)..]);
        var length = declared > 0 && declared <= data.Length ? declared : data.Length; // streamed files declare 0 or -1
        return (Pcm16.ToSamples(data[..(length - (length % 2))]), sampleRate);
    }

    /// <summary>The sample rate and where the samples start, from the first bytes of a WAV file or stream.</summary>
    /// <exception cref="InvalidDataException">Not a mono PCM16 WAV header, or <paramref name="wav"/> ends before the data chunk.</exception>
    public static (int SampleRate, int DataOffset) ReadHeader(ReadOnlySpan<byte> wav) =>
        TryReadHeader(wav, out var sampleRate, out var dataOffset)
            ? (sampleRate, dataOffset)
            : throw new InvalidDataException("WAV header ends before its data chunk.");

    /// <summary>
    /// Reads the header at the start of a WAV stream; false when <paramref name="wav"/> ends before the data chunk
    /// starts (read more and try again).
    /// </summary>
    /// <exception cref="InvalidDataException">Not a RIFF/WAVE stream, or not mono PCM16.</exception>
    public static bool TryReadHeader(ReadOnlySpan<byte> wav, out int sampleRate, out int dataOffset)
    {
        (sampleRate, dataOffset) = (0, 0);
        if (wav.Length < 12)
        {
            return wav.Length < 4 || wav[..4].SequenceEqual("RIFF"u8) ? false : throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        if (!wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav[(offset + 4)..]);
            if (id.SequenceEqual("data"u8))
            {
                dataOffset = offset + 8;
                return sampleRate > 0 ? true : throw new InvalidDataException("WAV data chunk comes before its fmt chunk.");
            }

            if (id.SequenceEqual("fmt "u8))
            {
                if (offset + 24 > wav.Length)
                {
                    return false;
                }

                var format = BinaryPrimitives.ReadInt16LittleEndian(wav[(offset + 8)..]);
                var channels = BinaryPrimitives.ReadInt16LittleEndian(wav[(offset + 10)..]);
                var bits = BinaryPrimitives.ReadInt16LittleEndian(wav[(offset + 22)..]);
                if (format != 1 || channels != 1 || bits != 16)
                {
                    throw new InvalidDataException($"Only mono 16-bit PCM WAV is supported (format {format}, {channels} channels, {bits} bits).");
                }

                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(wav[(offset + 12)..]);
            }

            offset += 8 + size + (size & 1);
        }

        return false;
    }
}
