using System.Text;
using System.Text.RegularExpressions;
using Chatbot.Safety.Guards;

namespace Chatbot.Safety.Injection;

/// <summary>
/// Finds text hidden in base64, hex or percent-encoding so the injection rules can read it: "aWdub3JlIGFsbC..."
/// is as much an attack as the plain sentence. Only decodings that are mostly printable text count.
/// </summary>
internal static partial class EncodedPayloads
{
    private const int MaxPayloads = 16;

    public sealed record Payload(TextSpan Span, string Decoded, string Encoding);

    public static IReadOnlyList<Payload> Find(string text)
    {
        var payloads = new List<Payload>();
        foreach (Match match in Base64Run().Matches(text))
        {
            if (payloads.Count < MaxPayloads && DecodeBase64(match.Value) is { } decoded)
            {
                payloads.Add(new Payload(new TextSpan(match.Index, match.Length), decoded, "base64"));

                // One more layer: base64 inside base64 is a classic.
                if (Base64Run().Match(decoded) is { Success: true } inner && DecodeBase64(inner.Value) is { } twice)
                {
                    payloads.Add(new Payload(new TextSpan(match.Index, match.Length), twice, "base64"));
                }
            }
        }

        foreach (Match match in HexRun().Matches(text))
        {
            if (payloads.Count < MaxPayloads && Printable(Convert.FromHexString(match.Value)) is { } decoded)
            {
                payloads.Add(new Payload(new TextSpan(match.Index, match.Length), decoded, "hex"));
            }
        }

        if (PercentEscapes().Count(text) >= 4)
        {
            try
            {
                payloads.Add(new Payload(new TextSpan(0, text.Length), Uri.UnescapeDataString(text), "percent"));
            }
            catch (UriFormatException)
            {
                // Not decodable as a whole; the plain text is still scanned.
            }
        }

        return payloads;
    }

    private static string? DecodeBase64(string run)
    {
        var standard = run.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[standard.Length];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? Printable(buffer.AsSpan(0, written).ToArray()) : null;
    }

    private static string? Printable(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var printable = text.Count(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
        return text.Length >= 8 && printable >= text.Length * 0.95 && text.Any(char.IsLetter) ? text : null;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,}={0,2}")]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){10,}(?![0-9A-Fa-f])")]
    private static partial Regex HexRun();

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentEscapes();
}
