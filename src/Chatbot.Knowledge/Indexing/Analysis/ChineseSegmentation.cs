namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>How runs of Chinese (CJK) characters become terms.</summary>
public enum ChineseSegmentation
{
    /// <summary>Overlapping character bigrams; a lone CJK character becomes a unigram. Dictionary-free and fast.</summary>
    Bigram,

    /// <summary>Word segmentation by Lucene.NET SmartCn (hidden Markov model over a word dictionary).</summary>
    SmartCn,
}
