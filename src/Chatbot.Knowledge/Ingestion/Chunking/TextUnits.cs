namespace Chatbot.Knowledge.Ingestion.Chunking;

/// <summary>Turns a section's blocks into the sentence-sized <see cref="TextUnit"/>s the packer places.</summary>
internal static class TextUnits
{
    /// <summary>
    /// Sentences of up to <paramref name="maxSentenceTokens"/> stay whole; longer ones are cut into pieces of at most
    /// <paramref name="maxPieceTokens"/>, which leaves room for the overlap carried in front of each piece.
    /// </summary>
    public static List<TextUnit> Build(
        SpanTokenCounter counter, IEnumerable<DocumentBlock> blocks, int maxSentenceTokens, int maxPieceTokens)
    {
        var units = new List<TextUnit>();
        foreach (var block in blocks)
        {
            foreach (var (start, end, before) in SentenceSplitter.Split(counter.Text, block.Start, block.End))
            {
                var tokens = counter.Count(start, end);
                if (tokens <= maxSentenceTokens)
                {
                    units.Add(new TextUnit(start, end, tokens, before, block.Page));
                    continue;
                }

                var strength = before;
                foreach (var (pieceStart, pieceEnd) in LongSentenceSplitter.Split(counter, start, end, maxPieceTokens))
                {
                    units.Add(new TextUnit(pieceStart, pieceEnd, counter.Count(pieceStart, pieceEnd), strength, block.Page));
                    strength = BreakStrength.InsideSentence;
                }
            }
        }

        return units;
    }
}
