namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>A run of non-heading blocks under one heading path.</summary>
internal sealed record DocumentSection(string Path, IReadOnlyList<DocumentBlock> Blocks);

/// <summary>Groups a document's blocks by heading path; headings themselves are carried in the path, not the body.</summary>
internal static class DocumentSections
{
    public const string PathSeparator = " > ";

    public static IEnumerable<DocumentSection> Split(ParsedDocument document)
    {
        var headings = new List<(int Level, string Text)>();
        var blocks = new List<DocumentBlock>();
        var path = string.Empty;
        foreach (var block in document.Blocks)
        {
            if (block.Kind != DocumentBlockKind.Heading)
            {
                blocks.Add(block);
                continue;
            }

            if (blocks.Count > 0)
            {
                yield return new DocumentSection(path, blocks.ToArray());
                blocks.Clear();
            }

            // A heading closes every open heading at its level or deeper: "A > B > C" then an h2 gives "A > D".
            headings.RemoveAll(open => open.Level >= block.HeadingLevel);
            headings.Add((block.HeadingLevel, block.Text.ReplaceLineEndings(" ")));
            path = string.Join(PathSeparator, headings.Select(heading => heading.Text));
        }

        if (blocks.Count > 0)
        {
            yield return new DocumentSection(path, blocks.ToArray());
        }
    }
}
