namespace Chatbot.Voice.Audio;

/// <summary>Creates the decoder and encoder for a session's <see cref="AudioFormat"/>. Stateless.</summary>
public static class AudioCodecs
{
    /// <summary>Opus bitrate of encoded speech, in bits per second: clear speech at a small cost.</summary>
    public const int OpusBitrate = 24_000;

    /// <summary>A new decoder for payloads in <paramref name="format"/>; the caller keeps one per stream.</summary>
    public static IAudioDecoder CreateDecoder(AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Codec switch
        {
            AudioCodec.Opus => new OpusAudioDecoder(format),
            _ => new Pcm16AudioDecoder(format),
        };
    }

    /// <summary>A new encoder producing payloads in <paramref name="format"/>; the caller keeps one per stream.</summary>
    public static IAudioEncoder CreateEncoder(AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Codec switch
        {
            AudioCodec.Opus => new OpusAudioEncoder(format, OpusBitrate),
            _ => new Pcm16AudioEncoder(format),
        };
    }
}
