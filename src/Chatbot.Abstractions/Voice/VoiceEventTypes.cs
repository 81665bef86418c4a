namespace Chatbot.Voice;

/// <summary>Kinds of <see cref="VoiceEvent"/>, as sent in the WebSocket message's <c>type</c> field.</summary>
public static class VoiceEventTypes
{
    /// <summary>The session started: its id, conversation and audio format. The first event of a session.</summary>
    public const string Ready = "ready";

    /// <summary>A partial transcript of the utterance being spoken; it may still change.</summary>
    public const string AsrPartial = "asr_partial";

    /// <summary>The final transcript of an utterance (empty when it held no words).</summary>
    public const string AsrFinal = "asr_final";

    /// <summary>A piece of the answer's text, as the model writes it.</summary>
    public const string LlmDelta = "llm_delta";

    /// <summary>A piece of the spoken answer, in the session's codec and sample rate.</summary>
    public const string TtsChunk = "tts_chunk";

    /// <summary>The user spoke (or typed) over the answer: its generation and speech stopped (barge-in).</summary>
    public const string Interrupted = "interrupted";

    /// <summary>The answer was spoken to its end.</summary>
    public const string Done = "done";

    /// <summary>Something went wrong; carries a code, a message and the field at fault when there is one.</summary>
    public const string Error = "error";
}
