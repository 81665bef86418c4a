namespace Chatbot.AI.Conversations;

/// <summary>Derives a conversation title from its first message.</summary>
public static class Titles
{
    /// <summary>The first line of <paramref name="firstMessage"/>, whitespace folded, cut at a word boundary to at most
    /// <paramref name="maxChars"/> characters with an ellipsis.</summary>
    public static string From(string firstMessage, int maxChars)
    {
        var line = string.Join(' ', firstMessage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= maxChars)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', maxChars - 1);
        return string.Concat(line.AsSpan(0, cut > maxChars / 2 ? cut : maxChars - 1), "…");
    }
}
