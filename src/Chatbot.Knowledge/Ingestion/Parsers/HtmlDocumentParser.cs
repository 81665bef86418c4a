using AngleSharp.Html.Parser;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>
/// HTML through AngleSharp: page furniture is removed (see <see cref="HtmlBoilerplate"/>), then headings, paragraphs,
/// list items, tables and preformatted text become blocks. The character set comes from the byte-order mark or the
/// page's <c>&lt;meta charset&gt;</c>.
/// </summary>
internal sealed class HtmlDocumentParser : IDocumentParser
{
    public string Format => "html";

    public IReadOnlyList<string> FileExtensions { get; } = [".html", ".htm", ".xhtml"];

    public IReadOnlyList<string> ContentTypes { get; } = ["text/html", "application/xhtml+xml"];

    public ParsedDocument Parse(Stream content, string? contentType, CancellationToken cancellationToken)
    {
        using var document = new HtmlParser().ParseDocument(content);
        cancellationToken.ThrowIfCancellationRequested();

        var builder = new ParsedDocumentBuilder(Format);
        if (document.Body is { } body)
        {
            HtmlBoilerplate.Remove(body);
            new HtmlBlockWalker(builder, cancellationToken).Walk(body);
        }

        return builder.Build();
    }
}
