using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>
/// Chinese word segmentation with Lucene.NET's SmartCn (HMM over a bundled dictionary). Thread-safe: the Lucene
/// analyzer keeps one token stream per thread. Dispose to release those per-thread streams.
/// </summary>
internal sealed class SmartCnSegmenter : IChineseSegmenter, IDisposable
{
    private readonly SmartChineseAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);

    public void Segment(string run, List<string> terms)
    {
        using var stream = _analyzer.GetTokenStream("text", run);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
    }

    public void Dispose() => _analyzer.Dispose();
}
