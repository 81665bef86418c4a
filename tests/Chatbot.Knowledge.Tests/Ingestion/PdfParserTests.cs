using Chatbot.Testing.Documents;
using Chatbot.Knowledge.Ingestion;
using static Chatbot.Knowledge.Tests.Ingestion.ParsedDocumentAssertions;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class PdfParserTests
{
    private readonly DocumentParsers _parsers = DocumentParsers.CreateDefault();

    [Fact]
    public async Task ParseAsync_TwoPages_TextInReadingOrderWithPageNumbers()
    {
        using var pdf = TestDocuments.Pdf(
            ["Annual report 2024", "Revenue grew by twelve percent."],
            ["Outlook", "We expect steady growth next year."]);

        var document = await _parsers.ParseAsync(pdf, "report.pdf", "application/pdf", TestContext.Current.CancellationToken);

        Assert.Equal("pdf", document.Format);
        // How lines group into blocks is PdfPig's layout analysis; what matters is each page's text, in order.
        Assert.Equal(
            ["Annual report 2024 Revenue grew by twelve percent.", "Outlook We expect steady growth next year."],
            document.Blocks.GroupBy(block => block.Page).Select(page => string.Join(' ', page.Select(block => block.Text))));
        Assert.Equal([1, 2], document.Blocks.Select(block => block.Page ?? 0).Distinct());
        AssertOffsetsSliceText(document);
    }

    [Fact]
    public async Task ParseAsync_TruncatedPdf_ThrowsWithReason()
    {
        using var pdf = TestDocuments.Pdf(["A page that will be cut off."]);
        using var truncated = new MemoryStream(pdf.ToArray()[..(int)(pdf.Length / 3)]);

        var error = await Assert.ThrowsAsync<DocumentParseException>(
            () => _parsers.ParseAsync(truncated, "cut.pdf", "application/pdf", TestContext.Current.CancellationToken));

        Assert.Equal("pdf", error.Format);
        Assert.Contains("PDF", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_RandomBytesNamedPdf_ThrowsWithReason()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var error = await Assert.ThrowsAsync<DocumentParseException>(
            () => _parsers.ParseAsync(new MemoryStream(bytes), "noise.pdf", null, TestContext.Current.CancellationToken));

        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }
}
