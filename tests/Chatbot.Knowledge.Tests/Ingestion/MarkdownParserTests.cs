using Chatbot.Testing.Documents;
using Chatbot.Knowledge.Ingestion;
using static Chatbot.Knowledge.Tests.Ingestion.ParsedDocumentAssertions;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class MarkdownParserTests
{
    private readonly DocumentParsers _parsers = DocumentParsers.CreateDefault();

    [Fact]
    public async Task ParseAsync_NestedHeadingsListsAndTable_KeepsStructure()
    {
        const string markdown = """
            ---
            title: front matter is not content
            ---
            # Guide

            Read *this* guide with `care`
            before you start.

            ## Installation

            ### Linux

            - Download the [package](https://example.com/pkg).
            - Run the installer.

            | OS | Command |
            |----|---------|
            | Linux | apt install chatbot |

            ```
            make run
            ```
            """;

        var document = await _parsers.ParseAsync(
            TestDocuments.Utf8(markdown), "guide.md", "text/markdown", TestContext.Current.CancellationToken);

        Assert.Equal("markdown", document.Format);
        Assert.Equal(
            [
                (DocumentBlockKind.Heading, 1, "Guide"),
                (DocumentBlockKind.Paragraph, 0, "Read this guide with care before you start."),
                (DocumentBlockKind.Heading, 2, "Installation"),
                (DocumentBlockKind.Heading, 3, "Linux"),
                (DocumentBlockKind.ListItem, 0, "Download the package."),
                (DocumentBlockKind.ListItem, 0, "Run the installer."),
                (DocumentBlockKind.Table, 0, "OS | Command\nLinux | apt install chatbot"),
                (DocumentBlockKind.Code, 0, "make run"),
            ],
            Shape(document));
        AssertOffsetsSliceText(document);
    }

    [Fact]
    public async Task ParseAsync_EmptyFile_GivesEmptyDocument()
    {
        var document = await _parsers.ParseAsync(
            TestDocuments.Utf8(""), "empty.md", null, TestContext.Current.CancellationToken);

        Assert.True(document.IsEmpty);
        Assert.Equal(string.Empty, document.Text);
    }
}
