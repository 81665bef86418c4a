namespace Chatbot.Knowledge.Graph.Extraction.Patterns;

/// <summary>Where a mention came from; a higher value wins when two candidate mentions overlap.</summary>
internal enum MentionSource
{
    Acronym = 1,
    Capitalized = 2,
    ChineseSuffix = 3,
    Quoted = 4,
    Titled = 5,
    Measure = 6,
    RelationArgument = 7,
}

/// <summary>A candidate entity mention: <c>text[Start..End]</c> of the chunk, with a type hint when its form gives one.</summary>
internal readonly record struct Mention(int Start, int End, string Name, EntityType? Hint, MentionSource Source)
{
    public int Length => End - Start;

    public bool Overlaps(Mention other) => Start < other.End && other.Start < End;

    /// <summary>The mention of <c>text[start..end]</c> without surrounding spaces and stray punctuation (a final <c>.</c> of <c>Inc.</c> and a <c>%</c> stay).</summary>
    public static Mention At(string text, int start, int end, EntityType? hint, MentionSource source)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || char.IsPunctuation(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || (char.IsPunctuation(text[end - 1]) && text[end - 1] is not ('.' or '%' or '％'))))
        {
            end--;
        }

        return new(start, end, text[start..end], hint ?? EntityHints.Of(text[start..end]), source);
    }
}
