using Chatbot.Testing.Documents;
using Chatbot.Knowledge.Ingestion;
using static Chatbot.Knowledge.Tests.Ingestion.ParsedDocumentAssertions;
using Xunit;

namespace Chatbot.Knowledge.Tests.Ingestion;

public sealed class HtmlDocumentParserTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html>
        <head><title>Acme</title><style>body { color: red; }</style></head>
        <body>
          <header><a href="/">Acme home</a> | <a href="/login">Sign in</a></header>
          <nav><ul><li>Products</li><li>Pricing</li></ul></nav>
          <main>
            <article>
              <header><h1>Refund policy</h1></header>
              <p>Refunds are paid   within <b>14 days</b>.<br>Contact support first.</p>
              <h2>Exceptions</h2>
              <ul><li><p>Gift cards</p></li><li>Sale items</li></ul>
              <table>
                <tr><th>Item</th><th>Days</th></tr>
                <tr><td>Laptop</td><td>30</td></tr>
              </table>
            </article>
            <aside>Related: shipping rates</aside>
          </main>
          <script>trackVisitor();</script>
          <footer>Copyright Acme Corp</footer>
        </body>
        </html>
        """;

    private readonly DocumentParsers _parsers = DocumentParsers.CreateDefault();

    [Fact]
    public async Task ParseAsync_PageWithBoilerplate_KeepsOnlyContent()
    {
        var document = await _parsers.ParseAsync(
            TestDocuments.Utf8(Page), "refunds.html", "text/html; charset=utf-8", TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (DocumentBlockKind.Heading, 1, "Refund policy"),
                (DocumentBlockKind.Paragraph, 0, "Refunds are paid within 14 days.\nContact support first."),
                (DocumentBlockKind.Heading, 2, "Exceptions"),
                (DocumentBlockKind.ListItem, 0, "Gift cards"),
                (DocumentBlockKind.ListItem, 0, "Sale items"),
                (DocumentBlockKind.Table, 0, "Item | Days\nLaptop | 30"),
            ],
            Shape(document));
        Assert.DoesNotContain("Sign in", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pricing", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("trackVisitor", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("shipping rates", document.Text, StringComparison.Ordinal);
        AssertOffsetsSliceText(document);
    }
}
