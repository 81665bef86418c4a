using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>
/// Word (.docx) through DocumentFormat.OpenXml: body paragraphs in order, heading styles (any language) become
/// headings, numbered or bulleted paragraphs become list items, tables become one line per row.
/// </summary>
internal sealed class DocxParser : IDocumentParser
{
    public string Format => "docx";

    public IReadOnlyList<string> FileExtensions { get; } = [".docx"];

    public IReadOnlyList<string> ContentTypes { get; } =
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"];

    public ParsedDocument Parse(Stream content, string? contentType, CancellationToken cancellationToken)
    {
        try
        {
            using var package = WordprocessingDocument.Open(content, isEditable: false);
            var body = package.MainDocumentPart?.Document?.Body
                ?? throw new DocumentParseException(Format, "The file is not a Word document: it has no document body.");
            var headings = DocxHeadingStyles.Read(package.MainDocumentPart.StyleDefinitionsPart?.Styles);
            var builder = new ParsedDocumentBuilder(Format);
            new DocxBodyReader(builder, headings, cancellationToken).Read(body);
            return builder.Build();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DocumentParseException or OutOfMemoryException))
        {
            // Not a zip, a zip without the Word parts, or malformed XML: OpenXml and System.IO.Packaging raise
            // different exception types for each; to the uploader they all mean the same thing.
            throw new DocumentParseException(
                Format, $"The file is not a valid Word (.docx) document or is damaged ({ex.Message}).", ex);
        }
    }
}
