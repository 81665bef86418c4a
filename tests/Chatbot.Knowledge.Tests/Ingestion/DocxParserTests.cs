using Chatbot.Testing.Documents;
using Chatbot.Knowledge.Ingestion;
using static Chatbot.Knowledge.Tests.Ingestion.ParsedDocumentAssertions;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class DocxParserTests
{
    private readonly DocumentParsers _parsers = DocumentParsers.CreateDefault();

    [Fact]
    public async Task ParseAsync_HeadingStylesAndTable_BecomeHeadingsAndRows()
    {
        using var docx = TestDocuments.Docx(
            new Dictionary<string, string> { ["Heading1"] = "heading 1", ["Heading2"] = "heading 2" },
            TestDocuments.Paragraph("Employee handbook", "Heading1"),
            TestDocuments.Paragraph("Welcome to the company."),
            TestDocuments.Paragraph("Leave", "Heading2"),
            TestDocuments.Table(["Type", "Days"], ["Annual", "25"]));

        var document = await _parsers.ParseAsync(docx, "handbook.docx", null, TestContext.Current.CancellationToken);

        Assert.Equal("docx", document.Format);
        Assert.Equal(
            [
                (DocumentBlockKind.Heading, 1, "Employee handbook"),
                (DocumentBlockKind.Paragraph, 0, "Welcome to the company."),
                (DocumentBlockKind.Heading, 2, "Leave"),
                (DocumentBlockKind.Table, 0, "Type | Days\nAnnual | 25"),
            ],
            Shape(document));
        AssertOffsetsSliceText(document);
    }

    [Fact]
    public async Task ParseAsync_LocalisedHeadingStyleIds_ResolvedByStyleName()
    {
        // Chinese Word names the "heading 2" style with the id "2".
        using var docx = TestDocuments.Docx(
            new Dictionary<string, string> { ["2"] = "heading 2" },
            TestDocuments.Paragraph("安装", "2"),
            TestDocuments.Paragraph("运行安装程序。"));

        var document = await _parsers.ParseAsync(docx, "手册.docx", null, TestContext.Current.CancellationToken);

        Assert.Equal(
            [(DocumentBlockKind.Heading, 2, "安装"), (DocumentBlockKind.Paragraph, 0, "运行安装程序。")],
            Shape(document));
    }

    [Fact]
    public async Task ParseAsync_RandomBytesNamedDocx_ThrowsWithReason()
    {
        var bytes = new byte[2048];
        new Random(11).NextBytes(bytes);

        var error = await Assert.ThrowsAsync<DocumentParseException>(
            () => _parsers.ParseAsync(new MemoryStream(bytes), "contract.docx", null, TestContext.Current.CancellationToken));

        Assert.Equal("docx", error.Format);
        Assert.Contains("Word", error.Reason, StringComparison.Ordinal);
    }
}
