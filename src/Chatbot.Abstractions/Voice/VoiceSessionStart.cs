namespace Chatbot.Voice;

/// <summary>A client's <c>start</c> message, as the gateway hands it to <see cref="IVoiceSessionGrain.StartAsync"/>.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.VoiceSessionStart")]
public sealed record VoiceSessionStart
{
    /// <summary>The conversation the session speaks in (shared with text turns); the gateway generates one when absent.</summary>
    [Id(0)] public required string ConversationId { get; init; }

    /// <summary><c>opus</c> or <c>pcm16</c>, for the client's audio and the answer's.</summary>
    [Id(1)] public string? Codec { get; init; }

    /// <summary>Sample rate in hertz of both directions: 8000, 16000 or 48000.</summary>
    [Id(2)] public int SampleRate { get; init; }

    /// <summary>Spoken language (BCP-47, e.g. <c>en-US</c>); null for the configured default.</summary>
    [Id(3)] public string? Language { get; init; }

    /// <summary>Voice activity detection settings; null for the configured defaults.</summary>
    [Id(4)] public VoiceVadSettings? Vad { get; init; }

    /// <summary>Knowledge bases to answer from and to learn the vocabulary of; null for the tenant's <c>default</c>.</summary>
    [Id(5)] public IReadOnlyList<string>? DatasetIds { get; init; }
}

/// <summary>The <c>vad</c> object of a <c>start</c> message; null values keep the configured defaults.</summary>
[GenerateSerializer, Immutable, Alias("chatbot.VoiceVadSettings")]
public sealed record VoiceVadSettings
{
    /// <summary>
    /// False turns detection off: the whole audio until <c>stop</c> is one utterance, and speaking cannot interrupt
    /// the answer. Default true.
    /// </summary>
    [Id(0)] public bool? Enable { get; init; }

    /// <summary>Voiced audio, in milliseconds, before speech counts as started (and can interrupt the answer).</summary>
    [Id(1)] public int? MinSpeechMs { get; init; }

    /// <summary>Silence, in milliseconds, that ends an utterance.</summary>
    [Id(2)] public int? MinSilenceMs { get; init; }
}
