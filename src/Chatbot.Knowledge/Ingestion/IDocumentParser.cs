namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// Turns the bytes of one document format into a <see cref="ParsedDocument"/>. Implementations are stateless and
/// thread-safe; <see cref="DocumentParsers"/> chooses one by file extension or content type.
/// </summary>
public interface IDocumentParser
{
    /// <summary>A short lower-case name for the format, such as <c>"pdf"</c>; recorded in <see cref="ParsedDocument.Format"/>.</summary>
    string Format { get; }

    /// <summary>The file extensions this parser reads, lower-case with the leading dot (<c>".pdf"</c>).</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>The media types this parser reads, lower-case without parameters (<c>"application/pdf"</c>).</summary>
    IReadOnlyList<string> ContentTypes { get; }

    /// <summary>
    /// Parses a whole document. CPU-bound and synchronous: call it through
    /// <see cref="DocumentParsers.ParseAsync"/>, which runs it on the thread pool, never on a grain's scheduler.
    /// </summary>
    /// <param name="content">The document; readable and seekable, positioned at its start. Not disposed.</param>
    /// <param name="contentType">The declared media type with parameters, if any; text and Markdown honour its <c>charset</c>.</param>
    /// <param name="cancellationToken">Checked between pages and blocks.</param>
    /// <exception cref="DocumentParseException">The content is damaged or not of this format.</exception>
    ParsedDocument Parse(Stream content, string? contentType, CancellationToken cancellationToken);
}
