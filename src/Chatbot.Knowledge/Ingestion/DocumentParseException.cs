namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// Thrown when a document of a supported type cannot be read: a truncated PDF, random bytes named <c>.docx</c>,
/// binary data named <c>.txt</c>. <see cref="Reason"/> is written for the person who uploaded it; the knowledge base
/// marks that document failed with it and carries on with the others.
/// </summary>
public sealed class DocumentParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="format">The format the document claimed to be (see <see cref="IDocumentParser.Format"/>).</param>
    /// <param name="reason">A human explanation, such as "The PDF is damaged or truncated".</param>
    /// <param name="innerException">The library's own exception, kept for the logs.</param>
    public DocumentParseException(string format, string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        Format = format;
        Reason = reason;
    }

    /// <summary>The format the document claimed to be.</summary>
    public string Format { get; }

    /// <summary>Why the document could not be read, in words for a person.</summary>
    public string Reason { get; }
}
