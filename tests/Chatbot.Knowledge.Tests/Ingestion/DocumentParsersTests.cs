using Chatbot.Testing.Documents;
using Chatbot.Knowledge.Ingestion;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class DocumentParsersTests
{
    private readonly DocumentParsers _parsers = DocumentParsers.CreateDefault();

    [Fact]
    public async Task ParseAsync_UnsupportedExtension_ThrowsNamingType()
    {
        var error = await Assert.ThrowsAsync<UnsupportedDocumentTypeException>(() => _parsers.ParseAsync(
            new MemoryStream([1, 2, 3]), "budget.xlsx", "application/vnd.ms-excel", TestContext.Current.CancellationToken));

        Assert.Equal(".xlsx", error.DocumentType);
        Assert.Equal("budget.xlsx", error.FileName);
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
        Assert.False(_parsers.IsSupported("budget.xlsx", "application/vnd.ms-excel"));
    }

    [Fact]
    public async Task ParseAsync_NoExtensionGenericContentType_ThrowsUnknownType()
    {
        var error = await Assert.ThrowsAsync<UnsupportedDocumentTypeException>(() => _parsers.ParseAsync(
            new MemoryStream([1]), "upload", "application/octet-stream", TestContext.Current.CancellationToken));

        Assert.Equal("(unknown)", error.DocumentType);
    }

    [Fact]
    public async Task ParseAsync_UnknownExtensionKnownContentType_UsesContentType()
    {
        var document = await _parsers.ParseAsync(
            TestDocuments.Utf8("# Title\n\nBody."), "readme", "text/markdown; charset=utf-8", TestContext.Current.CancellationToken);

        Assert.Equal("markdown", document.Format);
        Assert.Equal(DocumentBlockKind.Heading, document.Blocks[0].Kind);
    }

    [Fact]
    public async Task ParseAsync_NonSeekableStream_ParsesFromOneCopy()
    {
        using var pdf = TestDocuments.Pdf(["Streamed upload."]);
        using var forwardOnly = new ForwardOnlyStream(pdf);

        var document = await _parsers.ParseAsync(forwardOnly, "upload.PDF", null, TestContext.Current.CancellationToken);

        Assert.Equal("Streamed upload.", document.Text);
    }

    [Fact]
    public void SupportedExtensions_Default_ListsEveryFormat()
    {
        Assert.Superset(
            new HashSet<string> { ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx" },
            _parsers.SupportedExtensions.ToHashSet());
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
