namespace Chatbot.Tools.Policy;

/// <summary>Path normalisation and segment-wise prefix tests for <see cref="PathRule"/>.</summary>
internal static class PolicyPaths
{
    /// <summary>
    /// The path as segments: <c>\</c> read as <c>/</c>, empty and <c>.</c> segments dropped (so a leading <c>/</c> or
    /// <c>./</c> does not matter). Null when a segment is <c>..</c>, which no prefix rule can vouch for.
    /// </summary>
    public static string[]? Segments(string path)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != ".")
            .ToArray();
        return segments.Contains("..", StringComparer.Ordinal) ? null : segments;
    }

    /// <summary>True when <paramref name="path"/> equals <paramref name="prefix"/> or lies beneath it (whole segments, case-sensitive).</summary>
    public static bool IsUnder(string[] path, string[] prefix) =>
        prefix.Length <= path.Length && prefix.AsSpan().SequenceEqual(path.AsSpan(0, prefix.Length));
}
