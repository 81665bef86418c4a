namespace Chatbot.AI.Conversations;

/// <summary>Derives a conversation title from its first message.</summary>
public static class Titles
{
    /// <summary>The first non-empty line of <paramref name="firstMessage"/>, whitespace folded, cut at a word boundary
    /// to at most <paramref name="maxChars"/> characters with an ellipsis (mid-word when the line has no space early enough).</summary>
    public static string From(string firstMessage, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var firstLine = firstMessage.Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? "";
        var line = string.Join(' ', firstLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= maxChars)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', maxChars - 1);
        var length = cut > maxChars / 2 ? cut : maxChars - 1;
        if (char.IsHighSurrogate(line[length - 1]))
        {
            length--; // never split an emoji or other surrogate pair
        }

        return string.Concat(line.AsSpan(0, length), "…");
    }
}
