using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>Reads the paragraphs and tables of a Word body, in order, into a <see cref="ParsedDocumentBuilder"/>.</summary>
internal sealed class DocxBodyReader(ParsedDocumentBuilder builder, DocxHeadingStyles headings, CancellationToken cancellationToken)
{
    public void Read(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case Paragraph paragraph:
                    AddParagraph(paragraph);
                    break;
                case Table table:
                    builder.Add(DocumentBlockKind.Table, TableText(table));
                    break;
                case SdtBlock contentControl when contentControl.SdtContentBlock is { } blockContent:
                    Read(blockContent);
                    break;
            }
        }
    }

    private void AddParagraph(Paragraph paragraph)
    {
        var text = TextOf(paragraph);
        if (headings.LevelOf(paragraph) is { } level)
        {
            builder.AddHeading(level, Whitespace.Collapse(text));
        }
        else
        {
            var isListItem = paragraph.ParagraphProperties?.NumberingProperties is not null;
            builder.Add(isListItem ? DocumentBlockKind.ListItem : DocumentBlockKind.Paragraph, text);
        }
    }

    private static string TableText(Table table) => string.Join('\n', table
        .Elements<TableRow>()
        .Select(row => string.Join(" | ", row
            .Elements<TableCell>()
            .Select(cell => Whitespace.Collapse(string.Join(' ', cell.Descendants<Paragraph>().Select(TextOf)))))));

    private static string TextOf(Paragraph paragraph)
    {
        // Text runs, tabs and breaks in document order; deleted text (w:delText) and field codes are other types.
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }
}
