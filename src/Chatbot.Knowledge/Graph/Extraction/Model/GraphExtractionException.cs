namespace Chatbot.Knowledge.Graph.Extraction.Model;

/// <summary>The model gave no usable graph JSON for a chunk within <see cref="ModelGraphExtractorOptions.MaxAttempts"/>.</summary>
public sealed class GraphExtractionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphExtractionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public GraphExtractionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GraphExtractionException()
    {
    }
}
