using Chatbot.Knowledge.Ingestion.Parsers;

namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// The set of <see cref="IDocumentParser"/>s, chosen by file extension first and declared content type second.
/// Immutable and thread-safe; register one instance as a singleton.
/// </summary>
public sealed class DocumentParsers
{
    private const string GenericContentType = "application/octet-stream";

    private readonly Dictionary<string, IDocumentParser> _byExtension = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IDocumentParser> _byContentType = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a registry; where two parsers claim the same extension or content type, the later wins.</summary>
    public DocumentParsers(IEnumerable<IDocumentParser> parsers)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        foreach (var parser in parsers)
        {
            foreach (var extension in parser.FileExtensions)
            {
                _byExtension[extension] = parser;
            }

            foreach (var contentType in parser.ContentTypes)
            {
                _byContentType[contentType] = parser;
            }
        }

        SupportedExtensions = _byExtension.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The extensions a document may have, sorted (<c>".docx"</c>, <c>".htm"</c>, ...).</summary>
    public IReadOnlyList<string> SupportedExtensions { get; }

    /// <summary>A registry of the built-in parsers: text, Markdown, HTML, PDF and Word (.docx).</summary>
    public static DocumentParsers CreateDefault() => new(
    [
        new PlainTextParser(), new MarkdownParser(), new HtmlDocumentParser(), new PdfParser(), new DocxParser(),
    ]);

    /// <summary>Whether a document with this name and declared content type can be parsed (for an early 415).</summary>
    public bool IsSupported(string fileName, string? contentType) => Find(fileName, contentType) is not null;

    /// <summary>Returns the parser for a document, or throws <see cref="UnsupportedDocumentTypeException"/>.</summary>
    public IDocumentParser GetParser(string fileName, string? contentType) =>
        Find(fileName, contentType) ?? throw new UnsupportedDocumentTypeException(
            DescribeType(fileName, contentType), fileName, SupportedExtensions);

    /// <summary>
    /// Parses a document. The parse runs on the thread pool (<see cref="TaskScheduler.Default"/>), so a grain may await
    /// this directly without blocking its scheduler; bounding how many run at once is the caller's choice.
    /// </summary>
    /// <param name="content">The document. A seekable stream is read in place; any other is copied into memory once.
    /// Not disposed. Size limits are the caller's to enforce.</param>
    /// <param name="fileName">The uploaded file's name; its extension chooses the parser.</param>
    /// <param name="contentType">The declared media type, used when the extension is missing or unknown.</param>
    /// <param name="cancellationToken">Cancels the copy and the parse.</param>
    /// <exception cref="UnsupportedDocumentTypeException">No parser reads this type.</exception>
    /// <exception cref="DocumentParseException">The document is damaged or not what its name says.</exception>
    public async Task<ParsedDocument> ParseAsync(
        Stream content, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var parser = GetParser(fileName, contentType);

        var seekable = content;
        if (!content.CanSeek)
        {
            var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            seekable = buffer;
        }

        try
        {
            return await Task.Run(() => parser.Parse(seekable, contentType, cancellationToken), cancellationToken);
        }
        finally
        {
            if (!ReferenceEquals(seekable, content))
            {
                await seekable.DisposeAsync();
            }
        }
    }

    private IDocumentParser? Find(string fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName);
        if (extension.Length > 0 && _byExtension.TryGetValue(extension, out var byExtension))
        {
            return byExtension;
        }

        var mediaType = MediaType(contentType);
        return mediaType is not null && _byContentType.TryGetValue(mediaType, out var byContentType) ? byContentType : null;
    }

    private static string DescribeType(string fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName);
        var mediaType = MediaType(contentType);
        return extension.Length > 0 ? extension.ToLowerInvariant() : mediaType ?? "(unknown)";
    }

    private static string? MediaType(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(mediaType) || mediaType == GenericContentType ? null : mediaType;
    }
}
