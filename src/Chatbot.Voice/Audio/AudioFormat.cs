namespace Chatbot.Voice.Audio;

/// <summary>
/// The wire format a client chose in its <c>start</c> message: a codec and a sample rate (mono only). Immutable;
/// create it with <see cref="Create"/> or <see cref="TryCreate"/>, which accept only the values the voice API allows.
/// </summary>
public sealed record AudioFormat
{
    /// <summary>The sample rate every engine works at inside a session: 16 kHz.</summary>
    public const int InternalSampleRate = 16_000;

    /// <summary>Duration of one frame, the unit of framing, voice activity detection and Opus packets.</summary>
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    /// <summary>Sample rates a client may choose, in hertz.</summary>
    public static IReadOnlyList<int> SupportedSampleRates { get; } = [8_000, 16_000, 48_000];

    private AudioFormat(AudioCodec codec, int sampleRate)
    {
        Codec = codec;
        SampleRate = sampleRate;
    }

    /// <summary>16 kHz PCM16: the internal format.</summary>
    public static AudioFormat Internal { get; } = new(AudioCodec.Pcm16, InternalSampleRate);

    /// <summary>The codec.</summary>
    public AudioCodec Codec { get; }

    /// <summary>Samples per second, one of <see cref="SupportedSampleRates"/>.</summary>
    public int SampleRate { get; }

    /// <summary>Samples in one 20 ms frame at this rate.</summary>
    public int SamplesPerFrame => SamplesPerFrameAt(SampleRate);

    /// <summary>Samples in one 20 ms frame at <paramref name="sampleRate"/>.</summary>
    public static int SamplesPerFrameAt(int sampleRate) => sampleRate / 50;

    /// <summary>The format for a codec and rate.</summary>
    /// <param name="codec">The codec value of a <c>start</c> message: <c>opus</c> or <c>pcm16</c>.</param>
    /// <param name="sampleRate">The <c>sample_rate</c>: 8000, 16000 or 48000.</param>
    /// <exception cref="ArgumentException">Either value is not supported; the message names the field.</exception>
    public static AudioFormat Create(string? codec, int sampleRate) =>
        TryCreate(codec, sampleRate, out var format, out var error) ? format : throw new ArgumentException(error, nameof(codec));

    /// <summary>The format for a codec and rate, or false with a message naming the bad field.</summary>
    public static bool TryCreate(string? codec, int sampleRate, out AudioFormat format, out string error)
    {
        format = Internal;
        AudioCodec? parsed = codec switch
        {
            "pcm16" => AudioCodec.Pcm16,
            "opus" => AudioCodec.Opus,
            _ => null,
        };
        if (parsed is null)
        {
            error = $"codec must be 'opus' or 'pcm16' (was '{codec}').";
            return false;
        }

        if (!SupportedSampleRates.Contains(sampleRate))
        {
            error = $"sample_rate must be 8000, 16000 or 48000 (was {sampleRate}).";
            return false;
        }

        format = new AudioFormat(parsed.Value, sampleRate);
        error = "";
        return true;
    }

    /// <summary>The codec's wire name: <c>opus</c> or <c>pcm16</c>.</summary>
    public string CodecName => Codec == AudioCodec.Opus ? "opus" : "pcm16";

    /// <inheritdoc />
    public override string ToString() => $"{CodecName}@{SampleRate}";
}
