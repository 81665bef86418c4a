namespace Chatbot.Knowledge.Ingestion;

/// <summary>
/// One block of a <see cref="ParsedDocument"/>: a heading, paragraph, list item, table or code listing, in reading order.
/// </summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Text">The block's text, exactly <c>document.Text[Start..End]</c>.</param>
/// <param name="Start">Offset (UTF-16 code units) of the block's first character in <see cref="ParsedDocument.Text"/>.</param>
/// <param name="End">Offset one past the block's last character in <see cref="ParsedDocument.Text"/>.</param>
/// <param name="HeadingLevel">1–9 for a <see cref="DocumentBlockKind.Heading"/> (1 is the top level); 0 otherwise.</param>
/// <param name="Page">The 1-based page the block starts on, where the format has pages (PDF); otherwise <see langword="null"/>.</param>
public sealed record DocumentBlock(DocumentBlockKind Kind, string Text, int Start, int End, int HeadingLevel = 0, int? Page = null);
