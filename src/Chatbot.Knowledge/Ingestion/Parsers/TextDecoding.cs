using System.Net.Http.Headers;
using System.Text;

namespace Chatbot.Knowledge.Ingestion.Parsers;

/// <summary>Decodes the bytes of a text format (plain text, Markdown) to a string.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the whole stream once and decodes it: a byte-order mark wins, then a <c>charset</c> in the content type,
    /// then UTF-8; bytes that are not valid UTF-8 are read as GB18030, the legacy encoding of most Chinese text files.
    /// </summary>
    /// <exception cref="DocumentParseException">The content holds NUL bytes, so it is binary rather than text.</exception>
    public static string Decode(Stream content, string? contentType, string format)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        if (FromByteOrderMark(bytes) is (var bomEncoding, var bomLength))
        {
            return bomEncoding.GetString(bytes[bomLength..]);
        }

        if (bytes.Contains((byte)0))
        {
            throw new DocumentParseException(format, "The file contains binary data, not text; check that it is the right file.");
        }

        if (FromCharset(contentType) is { } declared)
        {
            return declared.GetString(bytes);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Chinese text saved by older Windows tools is GBK/GB2312, which GB18030 is a superset of.
            return CodePagesEncodingProvider.Instance.GetEncoding("gb18030")!.GetString(bytes);
        }
    }

    private static (Encoding Encoding, int Length)? FromByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    private static Encoding? FromCharset(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var header) || header.CharSet is not { Length: > 0 } charset)
        {
            return null;
        }

        charset = charset.Trim('"');
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            // An unknown charset name is the sender's mistake, not a reason to fail the document; fall back to detection.
            return null;
        }
    }
}
