using System.Text;

namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// Accumulates blocks in reading order and produces a <see cref="ParsedDocument"/> whose offsets are consistent by
/// construction. Used by every <see cref="IDocumentParser"/>. Not thread-safe; one builder per parse.
/// </summary>
public sealed class ParsedDocumentBuilder
{
    private const string BlockSeparator = "\n\n";

    private readonly string _format;
    private readonly StringBuilder _text = new();
    private readonly List<DocumentBlock> _blocks = [];

    /// <summary>Starts a document of the given format (see <see cref="IDocumentParser.Format"/>).</summary>
    public ParsedDocumentBuilder(string format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        _format = format;
    }

    /// <summary>Adds a heading; blank text is ignored. Levels outside 1–9 are clamped.</summary>
    public void AddHeading(int level, string text, int? page = null) =>
        Add(DocumentBlockKind.Heading, text, Math.Clamp(level, 1, 9), page);

    /// <summary>Adds a paragraph; blank text is ignored.</summary>
    public void AddParagraph(string text, int? page = null) => Add(DocumentBlockKind.Paragraph, text, 0, page);

    /// <summary>
    /// Adds a block. Line endings become <c>'\n'</c>, control characters other than tab and line feed are dropped,
    /// and the text is trimmed; a block left blank is ignored.
    /// </summary>
    public void Add(DocumentBlockKind kind, string text, int headingLevel = 0, int? page = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = Clean(text);
        if (clean.Length == 0)
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append(BlockSeparator);
        }

        var start = _text.Length;
        _text.Append(clean);
        var level = kind == DocumentBlockKind.Heading ? Math.Clamp(headingLevel, 1, 9) : 0;
        _blocks.Add(new DocumentBlock(kind, clean, start, _text.Length, level, page));
    }

    /// <summary>Returns the document built so far.</summary>
    public ParsedDocument Build() => new(_format, _text.ToString(), _blocks.ToArray());

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\n' || c == '\t' || !char.IsControl(c))
            {
                builder.Append(c == '\u00A0' ? ' ' : c);
            }
        }

        return builder.ToString().Trim();
    }
}
