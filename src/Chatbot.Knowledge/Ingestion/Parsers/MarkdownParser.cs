using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>
/// Markdown (CommonMark with pipe tables) through Markdig: headings keep their level, paragraphs, list items,
/// tables and code blocks become blocks; YAML front matter and raw HTML blocks are left out.
/// </summary>
internal sealed class MarkdownParser : IDocumentParser
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseYamlFrontMatter()
        .Build();

    public string Format => "markdown";

    public IReadOnlyList<string> FileExtensions { get; } = [".md", ".markdown", ".mdown", ".mkd"];

    public IReadOnlyList<string> ContentTypes { get; } = ["text/markdown", "text/x-markdown"];

    public ParsedDocument Parse(Stream content, string? contentType, CancellationToken cancellationToken)
    {
        var markdown = TextDecoding.Decode(content, contentType, Format);
        var syntax = Markdown.Parse(markdown, _pipeline);
        var builder = new ParsedDocumentBuilder(Format);
        AddBlocks(syntax, builder, DocumentBlockKind.Paragraph, cancellationToken);
        return builder.Build();
    }

    private static void AddBlocks(
        ContainerBlock container, ParsedDocumentBuilder builder, DocumentBlockKind paragraphKind, CancellationToken cancellationToken)
    {
        foreach (var block in container)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case HeadingBlock heading:
                    builder.AddHeading(heading.Level, MarkdownInlineText.Flatten(heading.Inline));
                    break;
                case ParagraphBlock paragraph:
                    builder.Add(paragraphKind, MarkdownInlineText.Flatten(paragraph.Inline));
                    break;
                case YamlFrontMatterBlock or HtmlBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup:
                    // Front matter is metadata and derives from CodeBlock, so it must be matched first.
                    break;
                case CodeBlock code:
                    builder.Add(DocumentBlockKind.Code, code.Lines.ToString());
                    break;
                case Table table:
                    builder.Add(DocumentBlockKind.Table, TableText(table));
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        AddBlocks(item, builder, DocumentBlockKind.ListItem, cancellationToken);
                    }

                    break;
                case ContainerBlock nested:
                    // Block quotes and extension containers: their content is ordinary document text.
                    AddBlocks(nested, builder, paragraphKind, cancellationToken);
                    break;
            }
        }
    }

    private static string TableText(Table table) => string.Join('\n', table
        .OfType<TableRow>()
        .Select(row => string.Join(" | ", row
            .OfType<TableCell>()
            .Select(cell => string.Join(' ', cell.OfType<LeafBlock>().Select(leaf => MarkdownInlineText.Flatten(leaf.Inline)))))));
}
