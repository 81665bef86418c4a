namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>
/// Overlapping bigrams (<c>知识库</c> → <c>知识</c>, <c>识库</c>); a run of one character is kept as a unigram, so
/// single-character queries still match. Optionally also emits every character as a unigram. Stateless.
/// </summary>
internal sealed class CjkBigramSegmenter(bool emitUnigrams) : IChineseSegmenter
{
    public void Segment(string run, List<string> terms)
    {
        if (run.Length == 1)
        {
            terms.Add(run);
            return;
        }

        for (var i = 0; i < run.Length; i++)
        {
            if (emitUnigrams)
            {
                terms.Add(run.Substring(i, 1));
            }

            if (i + 1 < run.Length)
            {
                terms.Add(run.Substring(i, 2));
            }
        }
    }
}
