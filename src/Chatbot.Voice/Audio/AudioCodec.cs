namespace Chatbot.Voice.Audio;

/// <summary>How audio travels on the wire between a client and a voice session.</summary>
public enum AudioCodec
{
    /// <summary>Raw signed 16-bit little-endian mono samples (<c>pcm16</c>).</summary>
    Pcm16,

    /// <summary>Opus packets of 20 ms each, mono (<c>opus</c>).</summary>
    Opus,
}
