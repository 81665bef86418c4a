namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// A document reduced to ordered, structured blocks and the plain text they were cut from. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <see cref="Text"/> is the blocks' texts joined by a blank line (<c>"\n\n"</c>); each block's
/// <see cref="DocumentBlock.Start"/>/<see cref="DocumentBlock.End"/> slice it exactly, so a citation can quote
/// <c>Text[start..end]</c>. Line breaks are always <c>'\n'</c>.
/// </remarks>
public sealed class ParsedDocument
{
    /// <summary>Creates a parsed document. Prefer <see cref="ParsedDocumentBuilder"/>, which keeps the offsets consistent.</summary>
    /// <param name="format">The format it was parsed from (see <see cref="IDocumentParser.Format"/>).</param>
    /// <param name="text">The plain text of the whole document.</param>
    /// <param name="blocks">The blocks in reading order, each slicing <paramref name="text"/>.</param>
    public ParsedDocument(string format, string text, IReadOnlyList<DocumentBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        Format = format;
        Text = text;
        Blocks = blocks;
    }

    /// <summary>The format the document was parsed from, such as <c>"pdf"</c> or <c>"markdown"</c>.</summary>
    public string Format { get; }

    /// <summary>The plain text of the whole document; block and chunk offsets index into it.</summary>
    public string Text { get; }

    /// <summary>The blocks in reading order.</summary>
    public IReadOnlyList<DocumentBlock> Blocks { get; }

    /// <summary>Whether the document has no text at all (an empty file, or a PDF of scanned images).</summary>
    public bool IsEmpty => Blocks.Count == 0;
}
