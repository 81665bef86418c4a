namespace Chatbot.Knowledge.Indexing.Analysis;

/// <summary>Segments one run of CJK characters (no spaces or punctuation) into terms. Thread-safe.</summary>
internal interface IChineseSegmenter
{
    void Segment(string run, List<string> terms);
}
