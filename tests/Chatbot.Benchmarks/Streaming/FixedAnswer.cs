namespace Chatbot.Benchmarks.Streaming;

/// <summary>The answer every benchmark turn gets: 50 fixed word pieces (tokens), the same for platform and baseline.</summary>
public static class FixedAnswer
{
    /// <summary>Tokens per answer.</summary>
    public const int TokenCount = 50;

    /// <summary>Prompt tokens reported in the usage.</summary>
    public const int InputTokens = 24;

    /// <summary>The pieces, in order; joined they make <see cref="Text"/>.</summary>
    public static IReadOnlyList<string> Pieces { get; } = Split(
        "Our support desk is open every day from eight in the morning until ten at night, including public holidays. " +
        "Outside those hours you can still leave a message here, and the next available agent will answer it first " +
        "thing in the morning. For urgent outages please call the on-call number printed on your contract, which is staffed around the clock.");

    /// <summary>The whole answer.</summary>
    public static string Text { get; } = string.Concat(Pieces);

    private static string[] Split(string text)
    {
        var words = text.Split(' ');
        if (words.Length < TokenCount)
        {
            throw new InvalidOperationException($"The fixed answer has {words.Length} words; {TokenCount} are needed.");
        }

        // The last piece carries the rest of the text, so there are exactly TokenCount pieces.
        var pieces = words.Take(TokenCount - 1).Select((w, i) => i == 0 ? w : " " + w).ToList();
        pieces.Add(" " + string.Join(' ', words.Skip(TokenCount - 1)));
        return [.. pieces];
    }
}
