namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>Plain text: paragraphs are separated by blank lines; line breaks inside a paragraph are kept.</summary>
internal sealed class PlainTextParser : IDocumentParser
{
    public string Format => "text";

    public IReadOnlyList<string> FileExtensions { get; } = [".txt", ".text"];

    public IReadOnlyList<string> ContentTypes { get; } = ["text/plain"];

    public ParsedDocument Parse(Stream content, string? contentType, CancellationToken cancellationToken)
    {
        var text = TextDecoding.Decode(content, contentType, Format).ReplaceLineEndings("\n");
        var builder = new ParsedDocumentBuilder(Format);
        var paragraph = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            paragraph.Add(line.TrimEnd());
        }

        Flush();
        return builder.Build();

        void Flush()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (paragraph.Count > 0)
            {
                builder.AddParagraph(string.Join('\n', paragraph));
                paragraph.Clear();
            }
        }
    }
}
