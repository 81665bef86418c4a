using System.Text.Json.Serialization;
using Chatbot.Voice;

namespace Chatbot.Gateway.Voice;

/// <summary>Kinds of client messages on the voice WebSocket (the <c>type</c> field).</summary>
internal static class VoiceClientMessageTypes
{
    public const string Start = "start";
    public const string Audio = "audio";
    public const string Text = "text";
    public const string Stop = "stop";
}

/// <summary>A client's JSON message on the voice WebSocket; which fields count depends on <see cref="Type"/>.</summary>
internal sealed record VoiceClientMessage
{
    public string? Type { get; init; }

    // start
    public string? ConversationId { get; init; }

    public string? Codec { get; init; }

    public int? SampleRate { get; init; }

    public string? Lang { get; init; }

    public VoiceVadMessage? Vad { get; init; }

    public IReadOnlyList<string>? DatasetIds { get; init; }

    // audio
    public long? Seq { get; init; }

    public string? Chunk { get; init; }

    // text
    public string? Text { get; init; }
}

/// <summary>The <c>vad</c> object of a <c>start</c> message.</summary>
internal sealed record VoiceVadMessage
{
    public bool? Enable { get; init; }

    public int? MinSpeechMs { get; init; }

    public int? MinSilenceMs { get; init; }

    [JsonIgnore]
    public VoiceVadSettings Settings => new() { Enable = Enable, MinSpeechMs = MinSpeechMs, MinSilenceMs = MinSilenceMs };
}
