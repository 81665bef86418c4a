using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>
/// PDF through PdfPig: on each page, letters are grouped into words, words into text blocks (Docstrum), and the
/// blocks put in reading order; each block becomes a paragraph carrying its page number. Scanned pages without a
/// text layer give no blocks (there is no OCR).
/// </summary>
internal sealed class PdfParser : IDocumentParser
{
    public string Format => "pdf";

    public IReadOnlyList<string> FileExtensions { get; } = [".pdf"];

    public IReadOnlyList<string> ContentTypes { get; } = ["application/pdf"];

    public ParsedDocument Parse(Stream content, string? contentType, CancellationToken cancellationToken)
    {
        var builder = new ParsedDocumentBuilder(Format);
        try
        {
            using var document = PdfDocument.Open(content);
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                AddPage(page, builder);
            }
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new DocumentParseException(Format, "The PDF is password-protected; upload an unprotected copy.", ex);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or DocumentParseException or OutOfMemoryException))
        {
            // PdfPig reports damage through many exception types (format, index, argument, ...); all of them mean
            // this file cannot be read, which is the uploader's to fix, so they become one reason, cause attached.
            throw new DocumentParseException(Format, $"The PDF is damaged or truncated and cannot be read ({ex.Message}).", ex);
        }

        return builder.Build();
    }

    private static void AddPage(Page page, ParsedDocumentBuilder builder)
    {
        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters).ToArray();
        if (words.Length == 0)
        {
            return;
        }

        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
        {
            // Lines inside a block are the page's wrapping of one paragraph.
            var text = Whitespace.Collapse(string.Join(' ', block.TextLines.Select(line => line.Text)));
            builder.AddParagraph(text, page.Number);
        }
    }
}
