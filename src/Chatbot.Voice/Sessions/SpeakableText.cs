using System.Text.RegularExpressions;

namespace Chatbot.Voice.Sessions;

/// <summary>
/// An answer's sentence as it should be spoken: without citation markers (<c>[1]</c>), Markdown emphasis, code marks,
/// heading and list marks, and with links reduced to their text. Stateless and thread-safe.
/// </summary>
public static partial class SpeakableText
{
    /// <summary>The speakable form of <paramref name="sentence"/>; empty when nothing speakable is left.</summary>
    public static string From(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var text = Link().Replace(sentence, "$1");
        text = Citation().Replace(text, "");
        text = LineMark().Replace(text, "");
        text = Emphasis().Replace(text, "");
        text = Spaces().Replace(text, " ").Trim();
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return text.Any(char.IsLetterOrDigit) ? text : "";
    }

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[\d+(?:\s*[,\-–]\s*\d+)*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?m)^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)")]
    private static partial Regex LineMark();

    [GeneratedRegex(@"\*{1,3}|_{2,3}|`+|~~")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([.,;:!?。，；：！？])")]
    private static partial Regex SpaceBeforePunctuation();
}
