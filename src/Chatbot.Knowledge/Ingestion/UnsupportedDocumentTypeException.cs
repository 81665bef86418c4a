namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// Thrown when no parser reads a document's type. The API answers 415 Unsupported Media Type with
/// <see cref="DocumentType"/> in the problem details.
/// </summary>
public sealed class UnsupportedDocumentTypeException : Exception
{
    /// <summary>Creates the exception for a document whose type no parser reads.</summary>
    /// <param name="documentType">The extension (<c>".xlsx"</c>) or, without one, the content type; <c>"(unknown)"</c> if neither.</param>
    /// <param name="fileName">The uploaded file's name.</param>
    /// <param name="supportedExtensions">The extensions that are supported, for the message.</param>
    public UnsupportedDocumentTypeException(string documentType, string fileName, IEnumerable<string> supportedExtensions)
        : base($"Unsupported document type '{documentType}' for '{fileName}'. Supported: {string.Join(", ", supportedExtensions)}.")
    {
        DocumentType = documentType;
        FileName = fileName;
    }

    /// <summary>The unsupported extension or content type.</summary>
    public string DocumentType { get; }

    /// <summary>The name of the file that was rejected.</summary>
    public string FileName { get; }
}
