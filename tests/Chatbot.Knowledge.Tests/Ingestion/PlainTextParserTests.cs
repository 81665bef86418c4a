using Chatbot.Testing.Documents;
using System.Text;
using Chatbot.Knowledge.Ingestion;
using static Chatbot.Knowledge.Tests.Ingestion.ParsedDocumentAssertions;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class PlainTextParserTests
{
    private readonly DocumentParsers _parsers = DocumentParsers.CreateDefault();

    [Fact]
    public async Task ParseAsync_BlankLines_SeparateParagraphs()
    {
        var document = await _parsers.ParseAsync(
            TestDocuments.Utf8("First line\r\nsame paragraph.\r\n\r\n\r\n  Second paragraph.  \n"),
            "notes.txt", "text/plain", TestContext.Current.CancellationToken);

        Assert.Equal(
            [(DocumentBlockKind.Paragraph, 0, "First line\nsame paragraph."), (DocumentBlockKind.Paragraph, 0, "Second paragraph.")],
            Shape(document));
        Assert.Equal("First line\nsame paragraph.\n\nSecond paragraph.", document.Text);
        AssertOffsetsSliceText(document);
    }

    [Fact]
    public async Task ParseAsync_Gb18030ChineseWithoutCharset_DecodesChinese()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("gb18030")!;
        using var content = new MemoryStream(gb18030.GetBytes("知识库支持中文文档。"));

        var document = await _parsers.ParseAsync(content, "旧文件.txt", null, TestContext.Current.CancellationToken);

        Assert.Equal("知识库支持中文文档。", document.Text);
    }

    [Fact]
    public async Task ParseAsync_BinaryContent_ThrowsWithReason()
    {
        using var content = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);

        var error = await Assert.ThrowsAsync<DocumentParseException>(
            () => _parsers.ParseAsync(content, "archive.txt", null, TestContext.Current.CancellationToken));

        Assert.Equal("text", error.Format);
        Assert.Contains("binary", error.Reason, StringComparison.Ordinal);
    }
}
