using System.Text;
using AngleSharp.Dom;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>
/// Walks an HTML body in document order, gathering inline text and emitting a block at each block-level element.
/// One walker per document; not thread-safe.
/// </summary>
internal sealed class HtmlBlockWalker(ParsedDocumentBuilder builder, CancellationToken cancellationToken)
{
    private readonly StringBuilder _inline = new();
    private DocumentBlockKind _containerKind = DocumentBlockKind.Paragraph;

    public void Walk(IElement root)
    {
        WalkChildren(root);
        Flush();
    }

    private void WalkChildren(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(text.Data);
                    break;
                case IElement element:
                    WalkElement(element);
                    break;
            }
        }
    }

    private void WalkElement(IElement element)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Flush();
                builder.AddHeading(element.LocalName[1] - '0', Whitespace.Collapse(element.TextContent));
                break;
            case "br":
                _inline.Append('\n');
                break;
            case "pre":
                Flush();
                builder.Add(DocumentBlockKind.Code, element.TextContent);
                break;
            case "table":
                Flush();
                builder.Add(DocumentBlockKind.Table, HtmlTableText.Of(element));
                break;
            case "li":
                Flush();
                var outerKind = _containerKind;
                _containerKind = DocumentBlockKind.ListItem;
                WalkChildren(element);
                Flush();
                _containerKind = outerKind;
                break;
            case "p" or "div" or "section" or "article" or "main" or "header" or "footer" or "blockquote" or "ul" or "ol"
                or "dl" or "dt" or "dd" or "figure" or "figcaption" or "address" or "details" or "summary" or "hr":
                Flush();
                WalkChildren(element);
                Flush();
                break;
            default:
                WalkChildren(element);
                break;
        }
    }

    private void Flush()
    {
        cancellationToken.ThrowIfCancellationRequested();
        builder.Add(_containerKind, _inline.ToString().Trim());
        _inline.Clear();
    }

    private void AppendCollapsed(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) || c == '\u00A0')
            {
                _inline.Append(c);
            }
            else if (_inline.Length > 0 && !char.IsWhiteSpace(_inline[^1]))
            {
                _inline.Append(' ');
            }
        }
    }

}
