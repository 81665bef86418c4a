namespace Chatbot.Voice.Sessions;

/// <summary>An <see cref="IVoiceAnswerer"/> could not answer; <see cref="Code"/> goes to the client's error event.</summary>
public sealed class VoiceAnswerException : Exception
{
    /// <summary>An answer failure with a machine-readable <paramref name="code"/>.</summary>
    public VoiceAnswerException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>An answer failure with a machine-readable <paramref name="code"/> and its cause.</summary>
    public VoiceAnswerException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The error code, e.g. <c>conversation_busy</c> or <c>model_error</c>.</summary>
    public string Code { get; }
}
