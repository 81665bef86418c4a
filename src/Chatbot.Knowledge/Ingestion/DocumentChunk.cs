namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// One retrievable piece of a document: a run of whole sentences (whole paragraphs where they fit) from a single
/// section, with everything a citation needs.
/// </summary>
/// <param name="DocumentId">The document it was cut from, as given to <see cref="DocumentChunker.Chunk"/>.</param>
/// <param name="Index">0-based position among the document's chunks; with <paramref name="DocumentId"/> it identifies the chunk.</param>
/// <param name="Section">The heading path, such as <c>"Guide &gt; Installation &gt; Linux"</c>; empty before the first heading.</param>
/// <param name="Text">The chunk's body: exactly <c>ParsedDocument.Text[Start..End]</c>, so a citation quotes it verbatim.</param>
/// <param name="Start">Offset (UTF-16 code units) of the body's first character in <see cref="ParsedDocument.Text"/>.</param>
/// <param name="End">Offset one past the body's last character in <see cref="ParsedDocument.Text"/>.</param>
/// <param name="Page">The 1-based page the body starts on, where the format has pages; otherwise <see langword="null"/>.</param>
/// <param name="TokenCount">Tokens in <paramref name="Text"/>; never more than <see cref="ChunkingOptions.ChunkSize"/>.</param>
public sealed record DocumentChunk(
    string DocumentId, int Index, string Section, string Text, int Start, int End, int? Page, int TokenCount)
{
    /// <summary>
    /// The text to embed and index: the heading path, a blank line, then the body. The chunker leaves room for the
    /// heading path inside <see cref="ChunkingOptions.ChunkSize"/> (up to half of it), so this stays about that size.
    /// </summary>
    public string ContextText => Section.Length == 0 ? Text : $"{Section}\n\n{Text}";
}
