namespace Chatbot.Knowledge.Graph.Extraction;

/// <summary>An entity named in one chunk, as the extractor read it (not yet resolved to a canonical id).</summary>
/// <param name="Name">The name as written, for example <c>Dr. Alice Smith</c> or <c>猎户座集团</c>.</param>
/// <param name="Type">Its type in <see cref="GraphSchema"/>.</param>
/// <param name="Aliases">Other names the text gives it, such as an acronym defined in parentheses; may be empty.</param>
public sealed record ExtractedEntity(string Name, EntityType Type, IReadOnlyList<string> Aliases)
{
    /// <summary>An entity without aliases.</summary>
    public ExtractedEntity(string name, EntityType type)
        : this(name, type, [])
    {
    }
}
