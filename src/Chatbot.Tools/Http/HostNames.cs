namespace Chatbot.Tools.Http;

/// <summary>Host-name matching shared by the HTTP tool's allow-list and the policy's host rules.</summary>
public static class HostNames
{
    /// <summary>
    /// True when <paramref name="host"/> matches <paramref name="pattern"/>: equal ignoring case and a trailing dot,
    /// or, for <c>*.example.com</c>, any subdomain of example.com at any depth (not example.com itself).
    /// </summary>
    public static bool Matches(string pattern, string host)
    {
        pattern = Canonical(pattern);
        host = Canonical(host);
        return pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.Length > pattern.Length - 1 && host.EndsWith(pattern[1..], StringComparison.Ordinal)
            : string.Equals(pattern, host, StringComparison.Ordinal);
    }

    /// <summary>
    /// The host of an absolute http(s) URL, or <paramref name="value"/> itself when it is a bare host name; lower
    /// case, punycode for international names. Null when it is neither.
    /// </summary>
    public static string? FromUrlOrHost(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return Canonical(uri.IdnHost);
        }

        return Uri.CheckHostName(value.Trim()) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? Canonical(value.Trim())
            : null;
    }

    private static string Canonical(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
