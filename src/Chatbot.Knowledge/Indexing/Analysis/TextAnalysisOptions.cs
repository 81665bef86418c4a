namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>Options of <see cref="MixedScriptAnalyzer"/>. Immutable.</summary>
public sealed record TextAnalysisOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Knowledge:Analysis";

    /// <summary>
    /// Chinese segmentation. Default <see cref="ChineseSegmentation.SmartCn"/>: on cmrc2018_zh with BM25 it matched
    /// bigrams on recall@5/@10 and beat them on MRR@10 (0.979 vs 0.960; chunked 0.986 vs 0.968), see
    /// <see cref="Evaluation.AnalyzerComparison"/>. Bigrams are about 4x faster and need no dictionary (2 s first load).
    /// </summary>
    public ChineseSegmentation Chinese { get; init; } = ChineseSegmentation.SmartCn;

    /// <summary>Emit every CJK character as a unigram in addition to bigrams (bigram mode only).</summary>
    public bool ChineseUnigrams { get; init; }

    /// <summary>Apply a light English plural stemmer (<c>policies</c> → <c>policy</c>, <c>files</c> → <c>file</c>).</summary>
    public bool EnglishStemming { get; init; } = true;

    /// <summary>Drop common English stop words (<c>the</c>, <c>of</c>, ...).</summary>
    public bool EnglishStopWords { get; init; }
}
