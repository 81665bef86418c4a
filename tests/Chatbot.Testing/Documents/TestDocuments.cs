using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Chatbot.Testing.Documents;

/// <summary>Small documents built in memory for the parser tests.</summary>
public static class TestDocuments
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A PDF with one page per entry, each page holding the given lines top to bottom in Helvetica.</summary>
    public static MemoryStream Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(50, y), font);
                y -= 40;
            }
        }

        return new MemoryStream(builder.Build());
    }

    /// <summary>
    /// A .docx whose body is the given elements. <paramref name="styles"/> maps style ids to style names for the
    /// styles part (a localised Word writes ids such as "1" for the style named "heading 1").
    /// </summary>
    public static MemoryStream Docx(IReadOnlyDictionary<string, string>? styles, params OpenXmlElement[] body)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            if (styles is not null)
            {
                var part = main.AddNewPart<StyleDefinitionsPart>();
                part.Styles = new Styles(styles.Select(style => new Style(new StyleName { Val = style.Value })
                {
                    Type = StyleValues.Paragraph,
                    StyleId = style.Key,
                }));
            }
        }

        stream.Position = 0;
        return stream;
    }

    public static Paragraph Paragraph(string text, string? styleId = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text)));
        if (styleId is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        return paragraph;
    }

    public static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(cell => new TableCell(Paragraph(cell))))));
}
