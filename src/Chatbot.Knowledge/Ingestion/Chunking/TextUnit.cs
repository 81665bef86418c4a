namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>
/// The smallest piece the chunker places whole: a sentence, or a part of a sentence too long for one chunk.
/// <see cref="Start"/>/<see cref="End"/> index the document's plain text and exclude surrounding whitespace.
/// </summary>
internal readonly record struct TextUnit(int Start, int End, int Tokens, BreakStrength Strength, int? Page);
