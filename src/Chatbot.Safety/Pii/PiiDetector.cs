using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Chatbot.Safety.Guards;

namespace Chatbot.Safety.Pii;

/// <summary>
/// Finds personal data: e-mail addresses, phone numbers (Chinese mobile <c>1[3-9]</c> + 9 digits and landlines,
/// North American, international <c>+</c> numbers), Chinese resident ID numbers (checksum and birth date checked),
/// payment card numbers (13–19 digits, spaces or dashes allowed, Luhn checked) and IPv4/IPv6 addresses. Numbers
/// that fail their checks are not reported. Detectors run from the most specific to the least; a span claimed by one
/// is not reported again. Thread-safe.
/// </summary>
public sealed partial class PiiDetector(TimeProvider timeProvider)
{
    /// <summary>Finds personal data in <paramref name="text"/>, ordered by position.</summary>
    public IReadOnlyList<GuardFinding> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var findings = new List<GuardFinding>();
        Add(findings, ResidentIdCandidate(), text, GuardKinds.ChineseResidentId, "gb11643-checksum", 0.99, m => ChineseResidentId.IsValid(m, today));
        Add(findings, Email(), text, GuardKinds.Email, "email", 0.95);
        Add(findings, ChineseMobile(), text, GuardKinds.Phone, "cn-mobile", 0.9);
        Add(findings, CardCandidate(), text, GuardKinds.BankCard, "luhn", 0.9, IsCard);
        Add(findings, InternationalPhone(), text, GuardKinds.Phone, "e164", 0.8, m => DigitCount(m) is >= 8 and <= 15);
        Add(findings, NorthAmericanPhone(), text, GuardKinds.Phone, "nanp", 0.75);
        Add(findings, ChineseLandline(), text, GuardKinds.Phone, "cn-landline", 0.75);
        Add(findings, IPv4(), text, GuardKinds.IpAddress, "ipv4", 0.8);
        Add(findings, IPv6Candidate(), text, GuardKinds.IpAddress, "ipv6", 0.8, IsIPv6);
        findings.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return findings;
    }

    private static void Add(
        List<GuardFinding> findings, Regex pattern, string text, string kind, string rule, double score, Func<string, bool>? valid = null)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var span = new TextSpan(match.Index, match.Length);
            if ((valid is null || valid(match.Value)) && !findings.Any(f => f.Span.Overlaps(span)))
            {
                findings.Add(new GuardFinding(kind, span, score, rule));
            }
        }
    }

    private static bool IsCard(string candidate)
    {
        var digits = DigitCount(candidate);
        return digits is >= 13 and <= 19 && Luhn.IsValid(candidate) && candidate.Where(char.IsAsciiDigit).Distinct().Count() > 1;
    }

    private static bool IsIPv6(string candidate) =>
        IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
        && candidate.Count(Uri.IsHexDigit) >= 3;

    private static int DigitCount(string value) => value.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex ResidentIdCandidate();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d+])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")]
    private static partial Regex ChineseMobile();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"(?<![\w+])\+[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?!\d)")]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<![\d-])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])")]
    private static partial Regex NorthAmericanPhone();

    [GeneratedRegex(@"(?<![\d-])0\d{2,3}-\d{7,8}(?![\d-])")]
    private static partial Regex ChineseLandline();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)")]
    private static partial Regex IPv4();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|(?:\d{1,3}\.){3}\d{1,3})(?![\w:])")]
    private static partial Regex IPv6Candidate();
}
