namespace Chatbot.Inference;

/// <summary>
/// An inference grain could not be placed: no active silo has <c>accelerator=gpu</c> and
/// <c>Chatbot:Inference:GpuFallback</c> is <c>fail</c>. The message names both settings.
/// </summary>
[GenerateSerializer, Alias("chatbot.GpuUnavailableException")]
public sealed class GpuUnavailableException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public GpuUnavailableException()
        : this("No silo with accelerator=gpu is active.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public GpuUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public GpuUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
