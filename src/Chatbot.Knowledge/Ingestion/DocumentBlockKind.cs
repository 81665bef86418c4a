namespace Chatbot.Knowledge.Ingestion;

/// <summary>The structural role of a <see cref="DocumentBlock"/> in a parsed document.</summary>
public enum DocumentBlockKind
{
    /// <summary>A heading; <see cref="DocumentBlock.HeadingLevel"/> says how deep (1 is the top level).</summary>
    Heading,

    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>One item of a bulleted or numbered list.</summary>
    ListItem,

    /// <summary>A table: one line per row, cells separated by <c>" | "</c>.</summary>
    Table,

    /// <summary>Preformatted text such as a code listing; line breaks are significant.</summary>
    Code,
}
