namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>How good a place the start of a <see cref="TextUnit"/> is to end the previous chunk.</summary>
internal enum BreakStrength
{
    /// <summary>Inside a sentence that was too long for one chunk.</summary>
    InsideSentence,

    /// <summary>A line break inside a block (table rows, code, hard-wrapped text).</summary>
    Line,

    /// <summary>A sentence end.</summary>
    Sentence,

    /// <summary>A block (paragraph, list item, table) boundary.</summary>
    Paragraph,
}
